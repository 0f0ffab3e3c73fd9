"""A generated corpus of agency dispatches, their rewrites by other outlets, and other stories on the same topics.

Every text is invented and deterministic for a seed. A rewrite changes a controlled share of the words
(whole sentences or their end rewritten, as editors do), may trim or add paragraphs, and always gets a
new headline; other stories on the same topic share its vocabulary, actors and stock phrases, not its
text. Each document knows its dispatch (``story``) and, for a rewrite, the share of text it still shares
with the dispatch, so that a clustering can be scored against the truth (:func:`score`).
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass

from newsarchive.sample_site import vocabulary as vocab

VERBS = (
    "a annoncé", "a confirmé", "a estimé", "a rappelé", "a dénoncé", "a précisé", "a assuré", "a reconnu",
    "a promis", "a démenti", "a salué", "a critiqué", "a défendu", "a présenté", "a évoqué", "a détaillé",
    "a réclamé", "a proposé", "a refusé", "a soutenu", "a contesté", "a relativisé", "a chiffré", "a justifié",
)
NOUNS = (
    "plan", "projet", "budget", "calendrier", "accord", "bilan", "rapport", "dispositif", "programme", "texte",
    "chantier", "contrat", "protocole", "fonds", "mécanisme", "objectif", "amendement", "appel d’offres",
    "audit", "moratoire", "recours", "partenariat", "schéma", "référendum",
)
ADJECTIVES = (
    "ambitieux", "controversé", "inédit", "provisoire", "régional", "national", "exceptionnel", "révisé",
    "prudent", "attendu", "coûteux", "symbolique", "technique", "pluriannuel", "expérimental", "complet",
)
COMPLEMENTS = (
    "pour les trois prochaines années", "dès le mois prochain", "avant la fin du trimestre",
    "malgré l’opposition des riverains", "en lien avec les collectivités", "sous certaines conditions",
    "à titre expérimental", "selon un document consulté", "dans plusieurs départements",
    "au terme de longues négociations", "à la demande des syndicats", "en dépit des réserves exprimées",
)
DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MOMENTS = ("matin", "soir", "après-midi", "dans la nuit", "en fin de journée", "à la mi-journée")
UNITS = ("millions d’euros", "emplois", "communes", "logements", "kilomètres", "élèves", "lits", "hectares")
FIRST_NAMES = ("Claire", "Olivier", "Nadia", "Jérôme", "Sophie", "Karim", "Hélène", "Yves", "Amélie", "Bruno",
               "Fatou", "Laurent", "Élise", "Rachid", "Agathe", "Pierre")
LAST_NAMES = ("Marchal", "Besson", "Ould", "Fabre", "Lemaire", "Diallo", "Roux", "Chevalier", "Perrin",
              "Guérin", "Bonnet", "Mercier", "Lambert", "Faure", "Rolland", "Baron")
ROLES = ("porte-parole", "rapporteur du texte", "adjointe au maire", "délégué syndical", "économiste",
         "présidente de l’association", "directeur général", "sénatrice", "chercheur", "préfet")


@dataclass(frozen=True)
class Document:
    """One article of the corpus: its text (paragraphs), its dispatch and how much of it it shares."""

    key: str
    story: int  # the dispatch it comes from (a story number)
    topic: str
    headline: str
    paragraphs: tuple[str, ...]
    changed: float = 0.0  # share of the dispatch's words rewritten (0 for the dispatch itself)
    shared: float = 1.0  # share of text in common with the dispatch (words kept / words of the longer one)

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)

    @property
    def is_copy(self) -> bool:
        return self.key != f"{self.story}"


class StoryWriter:
    """Writes the sentences of stories on one topic from a random generator."""

    def __init__(self, rng: random.Random, topic: str):
        self.rng = rng
        self.topic = topic
        self.actors, self.actions, _ = vocab.TOPICS[topic]

    def person(self) -> str:
        rng = self.rng
        return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}, {rng.choice(ROLES)},"

    def subject(self) -> str:
        return self.rng.choice((*self.actors, self.person(), f"le maire de {self.rng.choice(vocab.PLACES)}"))

    def object(self) -> str:
        rng = self.rng
        if rng.random() < 0.3:
            return rng.choice(self.actions)[2]
        return f"un {rng.choice(NOUNS)} {rng.choice(ADJECTIVES)} de {rng.randint(2, 950)} {rng.choice(UNITS)}"

    def sentence(self) -> str:
        rng = self.rng
        when = f"{rng.choice(DAYS)} {rng.choice(MOMENTS)}"
        text = f"{self.subject()} {rng.choice(VERBS)} {when} {self.object()} {rng.choice(COMPLEMENTS)}"
        if rng.random() < 0.4:
            text += f", à {rng.choice(vocab.PLACES)}"
        return text[:1].upper() + text[1:] + "."

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 4)))

    def headline(self) -> str:
        rng = self.rng
        present, _, obj = rng.choice(self.actions)
        return f"{rng.choice(vocab.PLACES)} : {rng.choice(self.actors)} {present} {obj}"


def generate(stories: int, copies_per_story: tuple[int, int] = (0, 4), *, seed: int = 1,
             max_changed: float = 0.4) -> list[Document]:
    """``stories`` dispatches over the topics, each followed by a random number of rewrites."""
    rng = random.Random(f"wire-corpus:{seed}")
    documents = []
    for story in range(stories):
        topic = vocab.CATEGORIES[story % len(vocab.CATEGORIES)]
        writer = StoryWriter(random.Random(f"{seed}:{story}"), topic)
        paragraphs = [writer.paragraph() for _ in range(rng.randint(4, 8))]
        dispatch = Document(f"{story}", story, topic, writer.headline(), tuple(paragraphs))
        documents.append(dispatch)
        for number in range(rng.randint(*copies_per_story)):
            documents.append(rewrite(dispatch, writer, rng.uniform(0.0, max_changed), f"{story}.{number + 1}"))
    return documents


def rewrite(dispatch: Document, writer: StoryWriter, changed: float, key: str) -> Document:
    """A copy of ``dispatch`` with about ``changed`` of its words rewritten, paragraphs maybe trimmed or added."""
    rng = writer.rng
    paragraphs = [paragraph.split(". ") for paragraph in dispatch.paragraphs]
    sentences = [(p, s) for p, sentence_list in enumerate(paragraphs) for s in range(len(sentence_list))]
    total = sum(len(paragraph.split()) for paragraph in dispatch.paragraphs)
    rewritten = 0
    for p, s in rng.sample(sentences, len(sentences)):
        if rewritten >= changed * total:
            break
        words = paragraphs[p][s].split()
        cut = rng.randint(len(words) // 3, len(words) - 1) if rng.random() < 0.5 else 0
        paragraphs[p][s] = " ".join(words[:cut] + writer.sentence().rstrip(".").split()[cut // 2:])
        rewritten += len(words) - cut
    texts = [". ".join(sentence_list) for sentence_list in paragraphs]
    if rng.random() < 0.4 and len(texts) > 3:  # the last paragraphs trimmed
        texts = texts[:-rng.randint(1, 2)]
    if rng.random() < 0.4:  # the outlet's own context added
        texts.insert(rng.randint(1, len(texts)), writer.paragraph())
    copy_words = sum(len(text.split()) for text in texts)
    shared = _retained(texts, dispatch) / max(total, copy_words)
    return Document(key, dispatch.story, dispatch.topic, writer.headline(), tuple(texts),
                    changed=rewritten / total, shared=shared)


def _retained(texts: list[str], dispatch: Document) -> int:
    """Words of the copy that stand in the same sentences of the dispatch (a sentence-level count)."""
    original = {sentence.rstrip(".") for paragraph in dispatch.paragraphs for sentence in paragraph.split(". ")}
    return sum(len(sentence.split()) for text in texts for sentence in text.split(". ")
               if sentence.rstrip(".") in original) + _partial_words(texts, original)


def _partial_words(texts: list[str], original: set[str]) -> int:
    """Words kept at the start of partly rewritten sentences."""
    kept = 0
    starts = {tuple(sentence.split()[:6]): sentence for sentence in original}
    for text in texts:
        for sentence in text.split(". "):
            if sentence.rstrip(".") in original:
                continue
            source = starts.get(tuple(sentence.split()[:6]))
            if source:
                kept += _common_prefix(sentence.split(), source.split())
    return kept


def _common_prefix(first: list[str], second: list[str]) -> int:
    count = 0
    for a, b in zip(first, second):
        if a != b:
            break
        count += 1
    return count


@dataclass
class Score:
    """How a clustering of the corpus compares with its truth."""

    precision: float  # of the pairs put in one cluster, the share that are copies of one dispatch
    recall: float  # of the copies sharing at least ``min_shared`` of their text, the share put with their dispatch
    copies_checked: int
    wrong_pairs: int  # pairs of different stories put in one cluster
    wrong_same_topic: int  # of which on the same topic
    clustered_pairs: int


def score(documents: list[Document], cluster_of: dict[str, int | None], *, min_shared: float = 0.6) -> Score:
    """Score ``cluster_of`` (document key -> cluster label, None when alone) against the corpus truth."""
    by_key = {document.key: document for document in documents}
    members: dict[int, list[Document]] = defaultdict(list)
    for key, label in cluster_of.items():
        if label is not None:
            members[label].append(by_key[key])
    good = wrong = wrong_topic = 0
    for group in members.values():
        for i, first in enumerate(group):
            for second in group[i + 1:]:
                if first.story == second.story:
                    good += 1
                else:
                    wrong += 1
                    wrong_topic += first.topic == second.topic
    checked = [d for d in documents if d.is_copy and d.shared >= min_shared]
    found = sum(1 for d in checked
                if cluster_of.get(d.key) is not None and cluster_of.get(d.key) == cluster_of.get(f"{d.story}"))
    pairs = good + wrong
    return Score(precision=good / pairs if pairs else 1.0, recall=found / len(checked) if checked else 1.0,
                 copies_checked=len(checked), wrong_pairs=wrong, wrong_same_topic=wrong_topic, clustered_pairs=pairs)
