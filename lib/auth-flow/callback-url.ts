/** Only same-site paths, so the sign-in page cannot be used to bounce people elsewhere. */
export function safeCallbackUrl(value: FormDataEntryValue | null | undefined): string {
  const url = typeof value === 'string' ? value : '';
  return url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\') ? url : '/';
}
