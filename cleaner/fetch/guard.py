"""Address policy: untrusted URLs must not reach loopback, private or metadata addresses.

The check runs on what DNS returns, inside the connection backend, so a public name that
resolves to 127.0.0.1 (or rebinds between two lookups) is refused too: we connect to the very
address we checked. Every redirect hop opens its connection through the same backend.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Iterable
from typing import Any

import httpcore

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
SCHEMES = ("http", "https")


class BlockedAddress(Exception):
    """A URL or one of its addresses is not allowed by the policy."""


class AddressPolicy:
    """Which IP addresses may be connected to."""

    def __init__(self, allow_private: bool = False, allow_networks: Iterable[str] = ()) -> None:
        self.allow_private = allow_private
        self.networks = [ipaddress.ip_network(net, strict=False) for net in allow_networks]

    def check(self, host: str, address: str) -> None:
        """Raise BlockedAddress unless `address` (a resolution of `host`) may be used."""
        if self.allow_private:
            return
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if any(ip in net for net in self.networks):
            return
        if not is_public(ip):
            detail = f"{host} resolves to {ip}, a non-public address (see --allow-private)"
            raise BlockedAddress(detail)


# Not globally reachable (IANA special-purpose registries), listed here rather than taken
# from `ipaddress.is_global`, whose answer differs between Python versions.
BLOCKED_V4 = tuple(
    ipaddress.IPv4Network(net)
    for net in (
        "0.0.0.0/8",  # "this network"
        "10.0.0.0/8",  # private (RFC 1918)
        "100.64.0.0/10",  # carrier-grade NAT
        "127.0.0.0/8",  # loopback
        "169.254.0.0/16",  # link-local, cloud metadata (169.254.169.254)
        "172.16.0.0/12",  # private
        "192.0.0.0/24",  # IETF protocol assignments
        "192.0.2.0/24",  # documentation
        "192.88.99.0/24",  # 6to4 relay anycast (deprecated)
        "192.168.0.0/16",  # private
        "198.18.0.0/15",  # benchmarking
        "198.51.100.0/24",  # documentation
        "203.0.113.0/24",  # documentation
        "224.0.0.0/4",  # multicast
        "240.0.0.0/4",  # reserved, and the broadcast address
    )
)
GLOBAL_UNICAST_V6 = ipaddress.IPv6Network("2000::/3")  # everything else is special-purpose
BLOCKED_V6 = tuple(
    ipaddress.IPv6Network(net)
    for net in (
        "2001:2::/48",  # benchmarking
        "2001:10::/28",  # ORCHID (deprecated)
        "2001:db8::/32",  # documentation
        "3fff::/20",  # documentation
    )
)
# IPv6 forms that carry an IPv4 address in their low 32 bits: judged by that address.
EMBEDDING_V6 = tuple(
    ipaddress.IPv6Network(net)
    for net in (
        "::/96",  # IPv4-compatible (deprecated), also :: and ::1
        "::ffff:0:0/96",  # IPv4-mapped
        "::ffff:0:0:0/96",  # IPv4-translated (SIIT)
        "64:ff9b::/96",  # NAT64 well-known prefix
    )
)


def is_public(ip: IPAddress) -> bool:
    """Globally routable: not loopback, RFC 1918, link-local (169.254.169.254), CGNAT, ULA,
    site-local, multicast, documentation; IPv6 wrapping an IPv4 address is judged by it."""
    if isinstance(ip, ipaddress.IPv4Address):
        return not any(ip in net for net in BLOCKED_V4)
    embedded = _embedded_v4(ip)
    if embedded:
        return all(is_public(inner) for inner in embedded)
    return ip in GLOBAL_UNICAST_V6 and not any(ip in net for net in BLOCKED_V6)


def _embedded_v4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address carries (NAT64, mapped, 6to4, Teredo), if any."""
    if any(ip in net for net in EMBEDDING_V6):
        return [ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)]
    if ip.sixtofour is not None:
        return [ip.sixtofour]
    return list(ip.teredo) if ip.teredo else []


def check_scheme(url: str, scheme: str) -> None:
    if scheme not in SCHEMES:
        raise BlockedAddress(f"{url}: scheme {scheme or '(none)'!r} is not http or https")


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """Resolve, check every address, then connect to a checked address (no second lookup)."""

    def __init__(self, policy: AddressPolicy) -> None:
        self.policy = policy
        self.inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        addresses = await _resolve(host, port, timeout)
        for address in addresses:  # all of them: a mixed answer is a rebinding attempt
            self.policy.check(host, address)
        error: Exception = httpcore.ConnectError(f"{host}: no address")
        for address in addresses:
            try:
                return await self.inner.connect_tcp(
                    address, port, timeout, local_address, socket_options
                )
            except httpcore.ConnectError as exc:
                error = exc
        raise error

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


async def _resolve(host: str, port: int, timeout: float | None) -> list[str]:
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(timeout):
            infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except TimeoutError:
        raise httpcore.ConnectTimeout(f"{host}: DNS lookup timed out") from None
    except OSError as exc:
        raise httpcore.ConnectError(f"{host}: DNS lookup failed ({exc})") from None
    return list(dict.fromkeys(str(info[4][0]) for info in infos))
