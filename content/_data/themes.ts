import type { ThemeInput } from "../../src/model/schemas.ts";

const themes: ThemeInput[] = [
  { slug: "elections", name: "Elections", description: "Votes, campaigns, candidacies and results." },
  { slug: "transition", name: "Political transition", description: "Mali's military-led transition and its institutions." },
  { slug: "dialogue", name: "Dialogue with armed groups", description: "Talks, mediation and prisoner exchanges with jihadist and other armed groups." },
  { slug: "counter-terrorism", name: "Counter-terrorism operations", description: "Operations by national, French and regional forces against jihadist groups." },
  { slug: "attacks-on-civilians", name: "Attacks on civilians", description: "Killings, raids and abductions that target civilians." },
  { slug: "attacks-on-forces", name: "Attacks on security forces", description: "Ambushes, raids and bombings against soldiers and police." },
  { slug: "explosive-devices", name: "Explosive devices", description: "Roadside bombs and other improvised explosive devices." },
  { slug: "intercommunal-violence", name: "Intercommunal violence", description: "Violence between communities, self-defence militias and farmers and herders." },
  { slug: "displacement", name: "Displacement", description: "People forced from their homes, and the figures that count them." },
  { slug: "kidnapping", name: "Kidnapping and hostages", description: "Abductions, hostage-taking and releases." },
  { slug: "human-rights", name: "Human rights", description: "Arrests, detentions, civilian harm from military action and the inquiries into them." },
  { slug: "constitution", name: "Constitutional change", description: "Revisions of constitutions and of the institutions they create." },
  { slug: "corruption", name: "Corruption", description: "Inquiries into the misuse of public money and office." },
  { slug: "covid-19", name: "COVID-19", description: "The pandemic and the measures taken against it." },
  { slug: "western-sahara", name: "Western Sahara", description: "The Western Sahara dispute and its effects on Mauritania." },
];

export default themes;
