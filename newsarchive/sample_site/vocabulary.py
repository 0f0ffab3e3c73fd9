"""Invented French sentence fragments the corpus combines into articles.

Each topic gives actors (subjects of the sentences), what they do (verb in the present for
headlines, in the perfect for body text, and its object) and its tags. Everything is fiction.
"""

from __future__ import annotations

CATEGORIES = ("France", "International", "Économie", "Politique", "Société", "Culture", "Sport", "Tech")

AUTHORS = ("Sara", "Julien Morel", "Camille Lefèvre", "Marc Aubert", "Inès Benali", "Thomas Garnier")

PLACES = (
    "Paris", "Lyon", "Marseille", "Toulouse", "Lille", "Nantes", "Strasbourg", "Bordeaux",
    "Rennes", "Montpellier", "Grenoble", "Clermont-Ferrand", "Brest", "Dijon", "Besançon",
)

#: Per category: (actors, actions as (present, perfect, object), tags)
TOPICS = {
    "France": (
        ("la préfecture", "le maire", "les habitants", "la région", "les pompiers", "le conseil départemental"),
        (
            ("lance", "a lancé", "un plan d’urgence contre la canicule"),
            ("ferme", "a fermé", "plusieurs écoles après des intempéries"),
            ("renforce", "a renforcé", "les contrôles sur les routes du littoral"),
            ("inaugure", "a inauguré", "une nouvelle ligne de tramway"),
            ("prépare", "a préparé", "l’accueil de milliers de vacanciers"),
            ("alerte sur", "a alerté sur", "la pénurie de médecins généralistes"),
        ),
        ("Canicule", "Transports", "Santé", "Collectivités", "Météo", "Sécurité routière"),
    ),
    "International": (
        ("Bruxelles", "l’ONU", "le gouvernement allemand", "Washington", "les pays du G7", "l’Union africaine"),
        (
            ("annonce", "a annoncé", "de nouvelles sanctions commerciales"),
            ("propose", "a proposé", "un cessez-le-feu de trente jours"),
            ("réunit", "a réuni", "un sommet extraordinaire sur le climat"),
            ("condamne", "a condamné", "les frappes de la nuit dernière"),
            ("négocie", "a négocié", "un accord sur les matières premières"),
            ("suspend", "a suspendu", "son aide humanitaire"),
        ),
        ("Diplomatie", "Europe", "ONU", "Climat", "Conflits", "Commerce"),
    ),
    "Économie": (
        ("l’Insee", "la Banque de France", "les syndicats", "le patronat", "Bercy", "les PME"),
        (
            ("relève", "a relevé", "sa prévision de croissance pour 2025"),
            ("dénonce", "a dénoncé", "la hausse des prix de l’énergie"),
            ("prévoit", "a prévu", "un ralentissement de l’inflation"),
            ("réclame", "a réclamé", "une baisse des charges sur les salaires"),
            ("publie", "a publié", "des chiffres du chômage en légère baisse"),
            ("présente", "a présenté", "un plan d’investissement de deux milliards d’euros"),
        ),
        ("Inflation", "Emploi", "Croissance", "Énergie", "Entreprises", "Budget"),
    ),
    "Politique": (
        ("le gouvernement", "la Première ministre", "l’opposition", "les sénateurs", "le président", "les députés"),
        (
            ("défend", "a défendu", "la réforme des retraites"),
            ("présente", "a présenté", "son projet de loi de finances"),
            ("rejette", "a rejeté", "la motion de censure"),
            ("promet", "a promis", "un remaniement avant l’automne"),
            ("dévoile", "a dévoilé", "sa feuille de route pour la rentrée"),
            ("critique", "a critiqué", "le recours au 49.3"),
        ),
        ("Assemblée nationale", "Sénat", "Gouvernement", "Élections", "Réforme", "Budget"),
    ),
    "Société": (
        (
            "les associations", "le ministère de l’Éducation", "les enseignants",
            "les étudiants", "les soignants", "la Fondation Abbé-Martin",
        ),
        (
            ("alerte sur", "a alerté sur", "la hausse du mal-logement"),
            ("réclame", "a réclamé", "davantage de moyens pour l’hôpital public"),
            ("manifeste contre", "a manifesté contre", "la fermeture d’une maternité"),
            ("publie", "a publié", "une enquête sur la précarité étudiante"),
            ("salue", "a salué", "l’ouverture de nouvelles places en crèche"),
            ("dénonce", "a dénoncé", "le manque de professeurs à la rentrée"),
        ),
        ("Éducation", "Logement", "Santé", "Jeunesse", "Égalité", "Précarité"),
    ),
    "Culture": (
        (
            "le festival d’Avignon", "le musée des Beaux-Arts", "la réalisatrice",
            "le Centre national du livre", "l’Opéra de Lyon", "le jury",
        ),
        (
            ("dévoile", "a dévoilé", "sa programmation de la saison prochaine"),
            ("célèbre", "a célébré", "le centenaire d’un peintre oublié"),
            ("récompense", "a récompensé", "un premier roman remarqué"),
            ("accueille", "a accueilli", "une exposition consacrée à l’art roman"),
            ("annonce", "a annoncé", "la restauration d’un théâtre historique"),
            ("présente", "a présenté", "un film tourné dans les Cévennes"),
        ),
        ("Cinéma", "Musique", "Livres", "Expositions", "Patrimoine", "Théâtre"),
    ),
    "Sport": (
        ("le XV de France", "l’Olympique lyonnais", "les Bleues", "le Stade rennais", "la Fédération", "l’entraîneur"),
        (
            ("remporte", "a remporté", "un match décisif en prolongation"),
            ("prépare", "a préparé", "la Coupe du monde avec confiance"),
            ("recrute", "a recruté", "un attaquant venu du Portugal"),
            ("perd", "a perdu", "son capitaine sur blessure"),
            ("domine", "a dominé", "le championnat depuis le mois de mars"),
            ("conteste", "a contesté", "la décision de l’arbitre"),
        ),
        ("Football", "Rugby", "Cyclisme", "Tennis", "Jeux olympiques", "Handball"),
    ),
    "Tech": (
        ("la Cnil", "une start-up nantaise", "les opérateurs", "l’Arcep", "un éditeur de logiciels", "les chercheurs"),
        (
            ("sanctionne", "a sanctionné", "un réseau social pour défaut de consentement"),
            ("lève", "a levé", "trente millions d’euros auprès d’investisseurs"),
            ("déploie", "a déployé", "la fibre dans les zones rurales"),
            ("présente", "a présenté", "un assistant fondé sur l’intelligence artificielle"),
            ("corrige", "a corrigé", "une faille de sécurité critique"),
            ("ouvre", "a ouvert", "un centre de données près de Grenoble"),
        ),
        ("Intelligence artificielle", "Cybersécurité", "Télécoms", "Start-up", "Données personnelles", "Numérique"),
    ),
}

OPENERS = (
    "", "", "", "Selon plusieurs sources, ", "Mardi, ", "Dans la matinée, ", "De son côté, ",
    "Après des semaines de discussions, ", "D’après nos informations, ", "Sans surprise, ",
    "Pour l’heure, ", "Comme prévu, ", "En fin de journée, ", "Quelques jours plus tard, ",
)

CIRCUMSTANCES = (
    "malgré les critiques", "dans un contexte tendu", "à la veille de la rentrée",
    "après un long bras de fer", "sans donner davantage de détails", "au grand soulagement des riverains",
    "d’ici la fin de l’année", "au terme d’une réunion de plusieurs heures", "sous la pression de l’opinion",
    "dans l’indifférence générale", "à la surprise générale", "pour la deuxième fois en un mois",
)

COMMENTS = (
    "La décision ne fait pas l’unanimité.",
    "Plusieurs élus locaux ont déjà fait part de leurs réserves.",
    "Le calendrier reste toutefois incertain.",
    "Les premiers effets ne sont pas attendus avant plusieurs mois.",
    "Une nouvelle réunion est prévue la semaine prochaine.",
    "Les détails du financement n’ont pas encore été précisés.",
    "L’annonce a été accueillie avec prudence par les observateurs.",
    "Il s’agit d’une première depuis près de dix ans.",
    "Le dossier devrait revenir sur la table à l’automne.",
    "Sur les réseaux sociaux, les réactions ont été nombreuses.",
)

QUOTES = (
    "Nous ne lâcherons rien", "C’est une étape importante pour le pays", "Il faut aller plus vite",
    "La situation reste préoccupante", "Nous avons entendu les inquiétudes", "Rien n’est encore joué",
    "C’est un signal fort envoyé à tous", "Personne ne peut rester indifférent",
    "Nous attendons des actes, pas des promesses", "On a beaucoup appris cette saison",
)

SPEAKERS = (
    "Claire Martin, porte-parole du collectif", "Hugo Marchand, économiste",
    "Nadia Cherki, conseillère municipale", "le ministre, visiblement ému",
    "Paul Ferrand, délégué syndical", "Élise Roussel, directrice de l’établissement",
    "un responsable du dossier", "Mathieu Lenoir, chercheur au CNRS",
)

HEADINGS = (
    "Un calendrier serré", "Les réactions se multiplient", "Des inquiétudes persistantes",
    "Et maintenant ?", "Ce qu’il faut retenir", "Un précédent en 2019", "Les chiffres clés",
    "Une mesure attendue", "Des critiques dans l’opposition", "Le point de vue des experts",
    "Un financement encore flou", "Sur le terrain", "Les prochaines étapes", "Un contexte particulier",
)

SUBHEADINGS = ("En détail", "Le rôle des collectivités", "Ce que dit la loi", "Côté chiffres")

LIST_ITEMS = (
    "une enveloppe de 40 millions d’euros", "la création de 300 postes", "un calendrier sur trois ans",
    "une évaluation à mi-parcours", "des aides pour les ménages modestes", "un comité de suivi indépendant",
    "la consultation des habitants", "un guichet unique en ligne",
)

CAPTION_SCENES = (
    "lors d’une conférence de presse", "devant la mairie", "à l’issue de la réunion",
    "pendant la manifestation", "dans les rues du centre-ville", "au siège de l’institution",
)

PHOTOGRAPHERS = ("AFP", "Reuters", "Jean Dupont", "Marie Lacroix", "OneMedia")
