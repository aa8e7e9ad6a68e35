"""Exceptions raised by support services. Messages are the constants in ``messages``."""


class SupportInvalid(Exception):
    """The request breaks a support rule (state, dates, codes); nothing was saved."""

    def __init__(self, message: str, *, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class SupportDenied(Exception):
    """The actor's organisation is not the provider of this support; the denial is audited."""
