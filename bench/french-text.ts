// Synthetic French prose for the benchmark corpus: sentences with accents, « », links
// and the punctuation French typography works on (: ; ! ?), drawn from small banks by a
// seeded generator, so every run writes the same bytes.
import { pick, randomInt, type Random } from "./random.ts";

const SUBJECTS = [
  "Le community manager",
  "La génération Y",
  "Une marque présente sur Twitter",
  "Le référencement naturel",
  "L’internaute averti",
  "Le blogueur geek",
  "La stratégie éditoriale",
  "Un réseau social d’entreprise",
];

const VERBS = [
  "doit apprendre à écouter",
  "transforme profondément",
  "ne peut plus ignorer",
  "réinvente chaque jour",
  "a déjà bouleversé",
  "s’approprie peu à peu",
];

const OBJECTS = [
  "les conversations de ses clients",
  "la relation après-vente",
  "l’e-réputation des entreprises",
  "les échanges entre internautes",
  "le marketing « one to one »",
  "la visibilité d’une personne sur la toile",
  "les moteurs de recherche",
];

const ASIDES = [
  "Est-ce vraiment nouveau ?",
  "C’est là tout l’enjeu : être présent sans être envahissant.",
  "Rien n’est gagné d’avance ; il faut de la patience !",
  "Comme le dit l’adage, « le contenu est roi ».",
  "Été comme hiver, la règle reste la même.",
  "On en reparlera très bientôt, promis !",
];

const LINKS = [
  ["un article très intéressant", "https://www.example.org/articles/reseaux-sociaux"],
  ["cette étude", "https://etudes.example.net/2010/medias-sociaux?page=2"],
  ["le blog de Hélène", "http://helene.example.fr/"],
  ["Wikipédia", "https://fr.wikipedia.org/wiki/R%C3%A9f%C3%A9rencement"],
] as const;

function sentence(random: Random): string {
  if (random() < 0.25) return pick(random, ASIDES);
  return `${pick(random, SUBJECTS)} ${pick(random, VERBS)} ${pick(random, OBJECTS)}.`;
}

function linkSentence(random: Random): string {
  const [text, url] = pick(random, LINKS);
  return `Voir à ce sujet [${text}](${url}), qui résume bien « la question ».`;
}

/** A paragraph of `count` sentences; with a Markdown link when `withLink`. */
function paragraph(random: Random, count: number, withLink: boolean): string {
  const sentences = Array.from({ length: count }, () => sentence(random));
  if (withLink) sentences.splice(randomInt(random, 0, sentences.length), 0, linkSentence(random));
  return sentences.join(" ");
}

/** The body of a post: four paragraphs, links in two of them. */
export function postBody(random: Random): string {
  return [0, 1, 2, 3]
    .map((index) => paragraph(random, randomInt(random, 4, 6), index % 2 === 0))
    .join("\n\n");
}

/** The body of a comment: one or two short paragraphs, sometimes a link. */
export function commentBody(random: Random): string {
  const paragraphs = randomInt(random, 1, 2);
  return Array.from({ length: paragraphs }, () =>
    paragraph(random, randomInt(random, 1, 3), random() < 0.3),
  ).join("\n\n");
}

const TOPICS = [
  "le SMO et le référencement",
  "l’été des réseaux sociaux",
  "les marques face à Twitter",
  "« e-réputation » : mode d’emploi",
  "la génération Y au bureau",
  "le community management expliqué",
];

export const AUTHORS = ["David Schuster", "Hélène", "Yannig", "Greg", "Anonyme", "Zoé Lefèvre", "François"];

export function postTitle(random: Random, index: number): string {
  return `Billet nº ${index} : ${pick(random, TOPICS)} ?`;
}
