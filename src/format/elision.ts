// French "de" before a name: "de Greg", but "d’Hélène", "d’Anonyme", "d’Yves". It elides
// before a vowel sound. A "y" before a vowel is a consonant ("de Yannig", "de Yoann").
// Every h is taken as mute: a mute h cannot be told from an aspirated one by its spelling.
const ELIDES_DE = /^(?:y(?![aeiouàâäéèêëîïôöûüœ])|[aeiouhàâäéèêëîïôöûüœ])/i;

/** "de " or "d’" followed by the name. */
export function deName(name: string): string {
  return ELIDES_DE.test(name) ? `d’${name}` : `de ${name}`;
}
