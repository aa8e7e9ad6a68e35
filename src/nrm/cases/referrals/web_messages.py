"""Messages of the web journey's own pages. The data standard's messages, which every door
shows, are in ``nrm.standard.messages``; these are the web form's checks of what the browser
sent and the journey's guidance. Tests import them."""

OFFICER_REQUIRED = "Enter your name"
EMAIL_INVALID = "Enter an email address in the correct format, like name@example.com"
PHONE_INVALID = "Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192"
IMMIGRATION_INTEREST_REQUIRED = "Select yes if the person has a linked immigration interest"

# What a section still needs before the referral can be submitted, when it has no answers yet.
SECTION_NOT_DONE = {
    "about": "Answer the questions about the referral",
    "person": "Answer the questions about the person",
    "consent": "Answer the question about the person's consent",
    "exploitation": "Answer the questions about the exploitation",
    "account": "Open the page for the person's account and continue, even if you leave it empty",
}

# Shown on a page the journey sends the user to after a change on check your answers.
CONSENT_NOW_NEEDED = (
    "Your answers about the person now make them an adult. An adult can only be referred with "
    "their informed consent, so answer this question before you submit the referral."
)
PAGE_NOW_NEEDED = "Answer the questions on this page before you submit the referral."
NOT_READY = "You cannot submit the referral until every section is complete."
