// The page's words and the form's description, from the server's message
// catalogue (Danish or English): nothing the user reads is written here.

let current = { lang: "da", words: {}, fields: [] };

/** Loads the words and the form of `lang`. */
export async function load(lang, fetchJson) {
  const body = await fetchJson(`/api/form?lang=${lang}`);
  if (body) current = { lang, words: body.words, fields: body.fields };
  document.documentElement.lang = lang;
  return current;
}

/** The language shown. */
export const lang = () => current.lang;

/** The form's fields, in order. */
export const fields = () => current.fields;

/** The word `id` with `{name}` places filled from `args`. */
export function t(id, args = {}) {
  let text = current.words[id];
  if (text === undefined) return id;
  for (const [k, v] of Object.entries(args)) text = text.split(`{${k}}`).join(String(v));
  return text;
}

/** `id-one` for 1, else `id-other`, with `{n}`. */
export const count = (id, n, args = {}) => t(n === 1 ? `${id}-one` : `${id}-other`, { n, ...args });
