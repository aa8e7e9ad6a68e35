"""Preparing a case store: directories, migrations, the cache table and the seeded code tables."""

from django.conf import settings
from django.core.management import call_command

from nrm.accounts.services import organisations_seed, roles_seed
from nrm.cases.casework.organisations import competent_authorities_seed
from nrm.justice.services import prosecuting_authorities_seed
from nrm.support.services import support_providers_seed


def database_prepare(*, verbosity: int = 0) -> None:
    settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
    call_command("migrate", interactive=False, verbosity=verbosity)
    call_command("createcachetable", verbosity=verbosity)  # the statistics' shared cache
    organisations_seed()
    competent_authorities_seed()
    prosecuting_authorities_seed()
    roles_seed()
    support_providers_seed()
