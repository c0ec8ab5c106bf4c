import type { ThemeInput } from "../../src/content/schemas.ts";

const themes: ThemeInput[] = [
  { slug: "elections", name: "Elections", nameFr: "Élections", description: "Votes, campaigns, candidacies and results.", descriptionFr: "Scrutins, campagnes, candidatures et résultats." },
  { slug: "transition", name: "Political transition", nameFr: "Transition politique", description: "Mali's military-led transition and its institutions.", descriptionFr: "La transition conduite par les militaires au Mali et ses institutions." },
  { slug: "dialogue", name: "Dialogue with armed groups", nameFr: "Dialogue avec les groupes armés", description: "Talks, mediation and prisoner exchanges with jihadist and other armed groups.", descriptionFr: "Pourparlers, médiations et échanges de prisonniers avec les groupes djihadistes et d’autres groupes armés." },
  { slug: "counter-terrorism", name: "Counter-terrorism operations", nameFr: "Opérations antiterroristes", description: "Operations by national, French and regional forces against jihadist groups.", descriptionFr: "Opérations des forces nationales, françaises et régionales contre les groupes djihadistes." },
  { slug: "attacks-on-civilians", name: "Attacks on civilians", nameFr: "Attaques contre les civils", description: "Killings, raids and abductions that target civilians.", descriptionFr: "Tueries, raids et enlèvements visant des civils." },
  { slug: "attacks-on-forces", name: "Attacks on security forces", nameFr: "Attaques contre les forces de sécurité", description: "Ambushes, raids and bombings against soldiers and police.", descriptionFr: "Embuscades, raids et attentats à l’explosif contre des soldats et des policiers." },
  { slug: "explosive-devices", name: "Explosive devices", nameFr: "Engins explosifs", description: "Roadside bombs and other improvised explosive devices.", descriptionFr: "Bombes posées en bord de route et autres engins explosifs improvisés." },
  { slug: "intercommunal-violence", name: "Intercommunal violence", nameFr: "Violences intercommunautaires", description: "Violence between communities, self-defence militias and farmers and herders.", descriptionFr: "Violences entre communautés, milices d’autodéfense, agriculteurs et éleveurs." },
  { slug: "displacement", name: "Displacement", nameFr: "Déplacements de population", description: "People forced from their homes, and the figures that count them.", descriptionFr: "Les personnes contraintes de quitter leur foyer, et les chiffres qui en rendent compte." },
  { slug: "kidnapping", name: "Kidnapping and hostages", nameFr: "Enlèvements et otages", description: "Abductions, hostage-taking and releases.", descriptionFr: "Enlèvements, prises d’otages et libérations." },
  { slug: "human-rights", name: "Human rights", nameFr: "Droits humains", description: "Arrests, detentions, civilian harm from military action and the inquiries into them.", descriptionFr: "Arrestations, détentions, dommages causés aux civils par les opérations militaires, et les enquêtes qui s’y rapportent." },
  { slug: "constitution", name: "Constitutional change", nameFr: "Réformes constitutionnelles", description: "Revisions of constitutions and of the institutions they create.", descriptionFr: "Révisions des constitutions et des institutions qu’elles créent." },
  { slug: "corruption", name: "Corruption", nameFr: "Corruption", description: "Inquiries into the misuse of public money and office.", descriptionFr: "Enquêtes sur le détournement de fonds publics et les abus de fonction." },
  { slug: "covid-19", name: "COVID-19", nameFr: "Covid-19", description: "The pandemic and the measures taken against it.", descriptionFr: "La pandémie et les mesures prises pour la combattre." },
  { slug: "western-sahara", name: "Western Sahara", nameFr: "Sahara occidental", description: "The Western Sahara dispute and its effects on Mauritania.", descriptionFr: "Le différend sur le Sahara occidental et ses répercussions sur la Mauritanie." },
];

export default themes;
