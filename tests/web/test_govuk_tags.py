"""The GOV.UK form helpers choose the right component for each Django widget."""

import pytest
from django import forms
from django.template.loader import render_to_string

from nrm.web.templatetags.govuk import govuk_kind


class Choices(forms.Form):
    one = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)
    many = forms.MultipleChoiceField(
        choices=[("a", "A"), ("b", "B")], widget=forms.CheckboxSelectMultiple
    )


@pytest.mark.parametrize(("name", "kind"), [("one", "radios"), ("many", "checkboxes")])
def test_a_choice_field_is_drawn_as_radios_or_checkboxes_as_its_widget_says(
    name: str, kind: str
) -> None:
    assert govuk_kind(Choices()[name]) == kind


def test_a_multiple_choice_is_drawn_with_checkbox_inputs() -> None:
    html = render_to_string(
        "web/components/field.html", {"field": Choices(data={"many": ["b"]})["many"]}
    )
    assert html.count('type="checkbox"') == 2 and 'type="radio"' not in html
    assert 'value="b" checked' in html
