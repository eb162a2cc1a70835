"""Article anatomy for text: every line gets a role (body, headline, byline, ...) from a
trained sequence model, and the roles decide what stays and which field a cut line feeds."""
