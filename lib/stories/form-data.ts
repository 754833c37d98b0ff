// handleForm reads a form as one value per name; a list of checkboxes (credited teammates) sends
// the same name several times. Joining those values keeps handleForm and its echo unchanged.
export function joinRepeated(formData: FormData, names: readonly string[]): FormData {
  const joined = new FormData();
  for (const [key, value] of formData.entries()) {
    if (names.includes(key)) continue;
    joined.append(key, value);
  }
  for (const name of names) {
    const values = formData.getAll(name).filter((v): v is string => typeof v === 'string' && v !== '');
    joined.append(name, values.join(','));
  }
  return joined;
}
