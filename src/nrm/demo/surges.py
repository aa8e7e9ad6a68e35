"""The demo's surge checks: the daily check as it would have run on the first day of each
quarter of 2012 and of 2013, and on 1 May 2012, so every quarter of 2012 is assessed, the
Albanian rise of paras 3.5-3.6 (planned month by month in ``plan_2012.ALBANIA_MONTHS``) is
alerted for April, the month it starts, and the surge page shows the check of December 2012.
(A check takes some seconds on the demo; the daily run would check every month.) The live
casework of today is not counted: it is dated after the last check."""

from datetime import date

from nrm.accounts.actors import DEMO
from nrm.intelligence.surges import surveillance_run
from nrm.intelligence.surveillance_models import SurgeAlert

CHECKS = [date(2012, 4, 1), date(2012, 5, 1), date(2012, 7, 1), date(2012, 10, 1), date(2013, 1, 1)]


def demo_surges_check() -> int:
    """Run the monthly checks; the number of alerts raised."""
    for as_of in CHECKS:
        surveillance_run(actor=DEMO, as_of=as_of, email=False)
    return SurgeAlert.objects.count()
