"""The app keeps the status line's glance as it opens, after each change and as it lets
go of the folder, so ``companion status`` answers without reading the data."""

from __future__ import annotations

from datetime import date

from companion import status
from companion.domain.reasons import Reason
from companion.store import glance

from ..conftest import NOW
from .support import seed


async def test_the_app_keeps_the_glance_fresh(make_app, data_dir) -> None:  # type: ignore[no-untyped-def]
    seed(data_dir, start=date(2026, 10, 1))
    moment = NOW.astimezone()
    app = make_app()
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.pause()
        assert glance.fields(data_dir, moment) is not None  # kept as it opened
        app.ctx.repository.save_reason(Reason(text="a reason", created_at=NOW))
        assert glance.fields(data_dir, moment) is None  # the journal grew: not trusted
        app.ctx.changed("reasons")
        assert glance.fields(data_dir, moment) is not None  # kept after the change
    kept = glance.fields(data_dir, moment)
    assert kept is not None and kept == status.figures(data_dir, moment)
