"""The referral journey's questions are labelled from the data standard's one table of field
names (``nrm.standard.words``), the table its messages name fields from."""

from nrm.cases.referrals import forms
from nrm.standard.words import FIELDS, field_label

STANDARD_FORMS = [
    form
    for form in vars(forms).values()
    if isinstance(form, type) and issubclass(form, forms.StandardForm) and form.base_fields
]
# Labels worded for their form, not the table's: the notification's nation.
OWN_WORDING = {("NotificationForm", "nation")}


def test_every_question_of_the_standard_is_labelled_from_the_table() -> None:
    checked = 0
    for form in STANDARD_FORMS:
        for name, field in form.base_fields.items():
            if name not in FIELDS or (form.__name__, name) in OWN_WORDING:
                continue
            assert str(field.label).removesuffix(" (optional)") == field_label(name), name
            checked += 1
    first = forms.PersonForm.base_fields["claimed_nationality_1"]
    assert first.label == field_label("claimed_nationalities")
    assert checked >= 30
