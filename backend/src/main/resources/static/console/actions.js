// The report page's action forms. Too many or too large after-photos are said before the upload
// (the service would refuse them only after reading them), and a form is sent once: a second
// click would only meet the first one's new version.
document.addEventListener('change', (event) => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || !input.dataset.maxFiles) return;
  const files = Array.from(input.files || []);
  let problem = '';
  if (files.length > Number(input.dataset.maxFiles)) problem = input.dataset.tooMany || '';
  else if (files.some((file) => file.size > Number(input.dataset.maxBytes))) problem = input.dataset.tooLarge || '';
  input.setCustomValidity(problem);
  if (problem) input.reportValidity();
});

document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.classList.contains('action')) return;
  if (form.dataset.sent) {
    event.preventDefault();
    return;
  }
  form.dataset.sent = '1';
  form.querySelectorAll('button[type="submit"]').forEach((button) => button.setAttribute('aria-busy', 'true'));
});

// A page the browser brings back from its history may be sent again.
window.addEventListener('pageshow', (event) => {
  if (event.persisted) document.querySelectorAll('form.action').forEach((form) => delete form.dataset.sent);
});
