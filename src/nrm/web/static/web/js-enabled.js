// GOV.UK Frontend: mark the page as having JavaScript before it is drawn (a file, not an inline
// script, so the Content-Security-Policy allows no inline script at all).
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
