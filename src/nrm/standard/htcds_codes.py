"""The codes of the data standard in IOM's Human Trafficking Case Data Standard (HTCDS v2.0).

Every code of every code list a referral uses is either mapped (``TO_HTCDS``: the HTCDS field
and value it is written as) or declared unmappable (``UNMAPPABLE``: why HTCDS has no place for
it). Unmappable codes still travel, exactly, in the ``nrm_`` extension columns (docs/htcds.md).
``FROM_HTCDS`` reads the HTCDS values of a file that has no ``nrm_`` columns (a partner's file).

Field names and picklist values are those of the HTCDS field reference v2.0 (UNMigration/HTCDS,
CC BY 4.0). Pure data: no database, no files.
"""

from django.db import models

from nrm.standard.codes import (
    CODE_LISTS,
    AgeGroup,
    Certainty,
    CompetentAuthority,
    DecisionOutcome,
    DecisionStage,
    ExploitationMeans,
    ExploitationRegion,
    ExploitationSubType,
    ExploitationType,
    FirstResponderType,
    Gender,
    Nation,
    NationalityBasis,
    PoliceRegion,
)

HTCDS_VERSION = "2.0"

GENDER = "prs_Gender"
TYPE = "vic_TypeOfExploitation"
INDUSTRY = "vic_ForcedLabourIndustry"
SEX_TYPE = "vic_TypeOfSexExploitation"
STATUS = "vic_TraffickingStatus"
DECIDER = "vic_TraffickingStatusDecisionMakingOrg"
ORG_TYPE = "org_Type"
EVENT_STATE = "hte_State"

# (HTCDS field, value) of each code. A code list maps to one field, except exploitation
# sub-types (industry, type of sex exploitation or type of exploitation by parent type).
TO_HTCDS: dict[type[models.TextChoices], dict[str, tuple[str, str]]] = {
    Gender: {
        Gender.FEMALE: (GENDER, "Feminine"),
        Gender.MALE: (GENDER, "Masculine"),
        Gender.OTHER: (GENDER, "NonConforming"),
        Gender.NOT_RECORDED: (GENDER, "NonSpecifiedUnknown"),
    },
    ExploitationType: {
        ExploitationType.SEXUAL: (TYPE, "SexualExploitation"),
        ExploitationType.LABOUR: (TYPE, "ForcedLabour"),
        ExploitationType.DOMESTIC_SERVITUDE: (TYPE, "Servitude"),
        ExploitationType.ORGAN_HARVESTING: (TYPE, "OrganRemoval"),
        ExploitationType.CRIMINAL: (TYPE, "Other"),
    },
    ExploitationMeans: {
        ExploitationMeans.SHAM_OR_FORCED_MARRIAGE: (TYPE, "ForcedMarriage"),
        ExploitationMeans.ILLEGAL_ADOPTION: (TYPE, "ForcedAdoption"),
    },
    ExploitationSubType: {
        ExploitationSubType.LABOUR_AGRICULTURE: (INDUSTRY, "A_AgricultureForestryAndFishing"),
        ExploitationSubType.LABOUR_MARITIME: (INDUSTRY, "A_AgricultureForestryAndFishing"),
        ExploitationSubType.LABOUR_FACTORY: (INDUSTRY, "C_Manufacturing"),
        ExploitationSubType.LABOUR_FOOD_PROCESSING: (INDUSTRY, "C_Manufacturing"),
        ExploitationSubType.LABOUR_GROUND_WORKS: (INDUSTRY, "F_Construction"),
        ExploitationSubType.LABOUR_CONSTRUCTION: (INDUSTRY, "F_Construction"),
        ExploitationSubType.LABOUR_CAR_WASH: (
            INDUSTRY,
            "G_WholesaleAndRetailTradeRepairOfMotorVehicles",
        ),
        ExploitationSubType.LABOUR_RESTAURANT: (
            INDUSTRY,
            "I_AccommodationAndFoodServiceActivities",
        ),
        ExploitationSubType.LABOUR_NAIL_BAR: (INDUSTRY, "S_OtherServiceActivities"),
        ExploitationSubType.SEXUAL_BROTHEL: (SEX_TYPE, "Prostitution"),
        ExploitationSubType.SEXUAL_ON_STREET: (SEX_TYPE, "Prostitution"),
        ExploitationSubType.SEXUAL_ONLINE: (SEX_TYPE, "Prostitution"),
        ExploitationSubType.SEXUAL_PRIVATE_RESIDENCE: (SEX_TYPE, "PrivateSexualServices"),
        ExploitationSubType.CRIMINAL_BEGGING: (TYPE, "ForcedBegging"),
    },
    DecisionOutcome: {  # the conclusive grounds outcome, else the reasonable grounds one
        DecisionOutcome.POSITIVE: (STATUS, "ActualVictimOfTrafficking"),
        DecisionOutcome.NEGATIVE: (STATUS, "NotAVictimOfTrafficking"),
        DecisionOutcome.PENDING: (STATUS, "PossibleVictimOfTrafficking"),
    },
    CompetentAuthority: {
        CompetentAuthority.HOME_OFFICE: (DECIDER, "NonPoliceGovernmentalOrganization"),
        CompetentAuthority.UKHTC: (DECIDER, "Police"),
        CompetentAuthority.HOME_OFFICE_HOSTED_IN_UKHTC: (
            DECIDER,
            "NonPoliceGovernmentalOrganization",
        ),
        CompetentAuthority.SINGLE_COMPETENT_AUTHORITY: (
            DECIDER,
            "NonPoliceGovernmentalOrganization",
        ),
    },
    FirstResponderType: {
        FirstResponderType.POLICE: (ORG_TYPE, "LawEnforcement"),
        FirstResponderType.NCA_UKHTC: (ORG_TYPE, "LawEnforcement"),
        FirstResponderType.HOME_OFFICE_UKVI: (ORG_TYPE, "ImmigrationService"),
        FirstResponderType.HOME_OFFICE_BORDER_FORCE: (ORG_TYPE, "ImmigrationService"),
        FirstResponderType.HOME_OFFICE_IMMIGRATION_ENFORCEMENT: (ORG_TYPE, "ImmigrationService"),
        FirstResponderType.LOCAL_AUTHORITY: (ORG_TYPE, "LocalGovernmentOrganisation"),
        FirstResponderType.GANGMASTERS_LICENSING_AUTHORITY: (
            ORG_TYPE,
            "CentralGovernmentOrganisation",
        ),
        FirstResponderType.NGO: (ORG_TYPE, "NGO"),
        FirstResponderType.HEALTH: (ORG_TYPE, "HealthServiceOrganisation"),
    },
    ExploitationRegion: {  # the UK's regions as the state of the exploitation event (in GB)
        **{
            region.value: (EVENT_STATE, str(region.label))
            for region in ExploitationRegion
            if region
            not in (
                ExploitationRegion.OVERSEAS,
                ExploitationRegion.MULTIPLE,
                ExploitationRegion.NOT_RECORDED,
            )
        },
    },
}

_EXTENSION = "kept in the nrm_ columns"
UNMAPPABLE: dict[type[models.TextChoices], dict[str, str]] = {
    Nation: {n.value: f"HTCDS has no field for the UK nation; {_EXTENSION}" for n in Nation},
    PoliceRegion: {
        r.value: f"HTCDS has no place where a person presented; {_EXTENSION}" for r in PoliceRegion
    },
    ExploitationRegion: {
        ExploitationRegion.OVERSEAS: "written as the event's country (hte_Country)",
        ExploitationRegion.MULTIPLE: f"HTCDS has one place per event, not 'several'; {_EXTENSION}",
        ExploitationRegion.NOT_RECORDED: "no exploitation event is written",
    },
    ExploitationType: {
        ExploitationType.NOT_RECORDED: "vic_TypeOfExploitation is left empty",
    },
    ExploitationSubType: {
        ExploitationSubType.LABOUR_OTHER: f"no ISIC section says 'other'; {_EXTENSION}",
        ExploitationSubType.SEXUAL_OTHER: f"vic_TypeOfSexExploitation has no 'other'; {_EXTENSION}",
        ExploitationSubType.CRIMINAL_SHOPLIFTING: f"HTCDS has no criminal types; {_EXTENSION}",
        ExploitationSubType.CRIMINAL_CANNABIS: f"HTCDS has no criminal types; {_EXTENSION}",
        ExploitationSubType.CRIMINAL_BENEFIT_FRAUD: f"HTCDS has no criminal types; {_EXTENSION}",
        ExploitationSubType.CRIMINAL_BOGUS_CHARITY: f"HTCDS has no criminal types; {_EXTENSION}",
        ExploitationSubType.CRIMINAL_OTHER: f"HTCDS has no criminal types; {_EXTENSION}",
    },
    FirstResponderType: {
        FirstResponderType.OTHER: f"org_Type has no 'other'; org_Type is left empty; {_EXTENSION}",
    },
    AgeGroup: {
        g.value: f"HTCDS records an age in years (vic_AgeWhenTrafficked); {_EXTENSION}"
        for g in AgeGroup
    },
    DecisionStage: {
        s.value: f"HTCDS has one trafficking status, not decision stages; {_EXTENSION}"
        for s in DecisionStage
    },
    DecisionOutcome: {
        DecisionOutcome.SUSPENDED: f"no trafficking status says suspended; {_EXTENSION}",
        DecisionOutcome.WITHDRAWN: f"no trafficking status says withdrawn; {_EXTENSION}",
    },
    NationalityBasis: {
        NationalityBasis.CLAIMED: "written as prs_Citizenship",
        NationalityBasis.ASSESSED: f"HTCDS has one citizenship; {_EXTENSION}",
    },
    Certainty: {c.value: f"HTCDS has no certainty of citizenship; {_EXTENSION}" for c in Certainty},
}

# The code lists a referral record uses (the test checks each code is mapped or declared).
REFERRAL_CODE_LISTS = CODE_LISTS


def htcds_value(code_list: type[models.TextChoices], code: str) -> tuple[str, str] | None:
    """The (HTCDS field, value) a code is written as; None for a code declared unmappable."""
    return TO_HTCDS.get(code_list, {}).get(str(code))


# Reading a partner's HTCDS file (no nrm_ columns): each HTCDS value as the code it reads as.
# Values of a many-to-one mapping read as the nearest code (ISIC sections, prostitution).
FROM_GENDER: dict[str, str] = {
    "Feminine": Gender.FEMALE,
    "Masculine": Gender.MALE,
    "TransgenderFeminine": Gender.OTHER,
    "TransgenderMasculine": Gender.OTHER,
    "NonConforming": Gender.OTHER,
    "NonSpecifiedUnknown": Gender.NOT_RECORDED,
}
# vic_TypeOfExploitation values in the order they decide the one type the NRM records.
FROM_TYPE: dict[str, str | None] = {
    "SexualExploitation": ExploitationType.SEXUAL,
    "Servitude": ExploitationType.DOMESTIC_SERVITUDE,
    "ForcedLabour": ExploitationType.LABOUR,
    "ChildLabour": ExploitationType.LABOUR,
    "OrganRemoval": ExploitationType.ORGAN_HARVESTING,
    "ForcedBegging": ExploitationType.CRIMINAL,
    "Other": ExploitationType.CRIMINAL,
    "ForcedMarriage": None,  # a means (below), not a type
    "ForcedAdoption": None,
    "ForcedMilitaryByNonStateActors": None,  # no NRM type: read as not recorded
    "Surrogacy": None,
}
FROM_MEANS: dict[str, str] = {
    "ForcedMarriage": ExploitationMeans.SHAM_OR_FORCED_MARRIAGE,
    "ForcedAdoption": ExploitationMeans.ILLEGAL_ADOPTION,
}
FROM_TYPE_SUB: dict[str, str] = {"ForcedBegging": ExploitationSubType.CRIMINAL_BEGGING}
FROM_INDUSTRY: dict[str, str] = {
    "A_AgricultureForestryAndFishing": ExploitationSubType.LABOUR_AGRICULTURE,
    "C_Manufacturing": ExploitationSubType.LABOUR_FACTORY,
    "F_Construction": ExploitationSubType.LABOUR_CONSTRUCTION,
    "G_WholesaleAndRetailTradeRepairOfMotorVehicles": ExploitationSubType.LABOUR_CAR_WASH,
    "I_AccommodationAndFoodServiceActivities": ExploitationSubType.LABOUR_RESTAURANT,
}
INDUSTRIES = [
    "A_AgricultureForestryAndFishing",
    "B_MiningAndQuarrying",
    "C_Manufacturing",
    "D_ElectricityGasSteamAndAirConditioningSupply",
    "E_WaterSupplySewerageWasteManagement",
    "F_Construction",
    "G_WholesaleAndRetailTradeRepairOfMotorVehicles",
    "H_TransportationAndStorage",
    "I_AccommodationAndFoodServiceActivities",
    "J_InformationAndCommunication",
    "K_FinancialAndInsuranceActivities",
    "L_RealEstateActivities",
    "M_ProfessionalScientificAndTechnicalActivities",
    "N_AdministrativeAndSupportServiceActivities",
    "O_PublicAdministrationAndDefence",
    "P_Education",
    "Q_HumanHealthAndSocialWorkActivities",
    "R_ArtsEntertainmentAndRecreation",
    "S_OtherServiceActivities",
    "T_ActivitiesOfHouseholdsAsEmployers",
    "U_ActivitiesOfExtraterritorialOrganizations",
]
FROM_SEX_TYPE: dict[str, str] = {
    "Prostitution": ExploitationSubType.SEXUAL_OTHER,
    "PrivateSexualServices": ExploitationSubType.SEXUAL_PRIVATE_RESIDENCE,
    "RemoteInteractiveServices": ExploitationSubType.SEXUAL_ONLINE,
    "Pornography": ExploitationSubType.SEXUAL_OTHER,
}
FROM_STATE: dict[str, str] = {
    value: code for code, (_field, value) in TO_HTCDS[ExploitationRegion].items()
}
