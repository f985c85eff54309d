"""Service settings, set from ``fazhi serve`` options."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Settings:
    store: str | None = None  # directory or SPARQL server URL
    query_timeout: float = 30.0  # seconds, per query (a request may ask for less with ?timeout=)
    update_timeout: float = 300.0  # seconds, per SPARQL Update or Graph Store write (killed past it, nothing applied)
    max_rows: int = 10_000  # result rows (or triples) before truncation
    max_body_bytes: int = 1_000_000  # request body cap
    update_token: str | None = None  # bearer token that enables SPARQL Update / GSP writes
    allow_update: bool = False  # updates without a token (loopback only)
    cors_origins: list[str] = field(default_factory=list)  # CORS allow-list; empty = CORS off
    query_workers: int = 4  # worker processes running queries (killed and replaced at the time limit)

    @property
    def updates_enabled(self) -> bool:
        return bool(self.update_token) or self.allow_update
