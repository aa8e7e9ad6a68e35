"""Allocation of a referral to a competent authority (the 2013 rule set).

Home Office where the person has a linked immigration interest or is a non-EEA national;
UKHTC otherwise (UK and EEA nationals without an immigration interest).
"""

from nrm.standard.codes import CompetentAuthority
from nrm.standard.nationality import UK, is_eea
from nrm.standard.schema import Referral


def competent_authority_for(record: Referral) -> CompetentAuthority:
    if record.competent_authority is not None:
        return CompetentAuthority(record.competent_authority)
    nationalities = [*record.claimed_nationalities]
    if record.assessed_nationality:
        nationalities.append(record.assessed_nationality)
    non_eea = any(code != UK and not is_eea(code) for code in nationalities)
    if record.linked_immigration_interest or non_eea:
        return CompetentAuthority.HOME_OFFICE
    return CompetentAuthority.UKHTC
