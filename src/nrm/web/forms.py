"""Form pieces shared by every page: the GOV.UK date input (day, month and year boxes)."""

from datetime import date
from typing import Any

from django import forms

DATE_INVALID = "Enter a real date, for example 14 5 2012"
DATE_INCOMPLETE = "Enter the day, the month and the year"


class DateWidget(forms.MultiWidget):
    def __init__(self) -> None:
        super().__init__([forms.TextInput(), forms.TextInput(), forms.TextInput()])

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, date):
            return [value.day, value.month, value.year]
        if isinstance(value, str) and value:
            try:
                parsed = date.fromisoformat(value)
            except ValueError:
                return [None, None, None]
            return [parsed.day, parsed.month, parsed.year]
        return [None, None, None]


class DateField(forms.MultiValueField):
    """A date entered as day, month and year (GOV.UK's date input pattern)."""

    widget = DateWidget

    def __init__(self, **kwargs: Any) -> None:
        fields = (forms.CharField(), forms.CharField(), forms.CharField())
        super().__init__(fields=fields, require_all_fields=False, **kwargs)

    def compress(self, data_list: list[Any]) -> date | None:
        if not data_list or not any(data_list):
            return None
        if not all(data_list):
            raise forms.ValidationError(DATE_INCOMPLETE)
        try:
            day, month, year = (int(str(part).strip()) for part in data_list)
            return date(year, month, day)
        except ValueError:
            raise forms.ValidationError(DATE_INVALID) from None
