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


def is_public(ip: IPAddress) -> bool:
    """Globally routable; covers loopback, RFC 1918, link-local (169.254.169.254), CGNAT, ULA."""
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None:
            return is_public(embedded)
    return ip.is_global and not ip.is_multicast


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
