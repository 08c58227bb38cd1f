// GOV.UK Frontend's components only enhance pages in browsers that support ES modules; everything works without.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
