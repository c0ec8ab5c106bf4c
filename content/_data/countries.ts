import type { CountryInput } from "../../src/model/schemas.ts";

// The order here is the order of sections in every issue.
const countries: CountryInput[] = [
  {
    slug: "mali",
    name: "Mali",
    nameFr: "Mali",
    iso: "ML",
    capital: "Bamako",
    order: 1,
    profile:
      "Under a military-led transition since the coup of 18 August 2020. Jihadist groups aligned with al-Qaeda (JNIM) and the Islamic State fight the army, French forces and each other in the north and centre, where community militias also clash.",
  },
  {
    slug: "burkina-faso",
    name: "Burkina Faso",
    nameFr: "Burkina Faso",
    iso: "BF",
    capital: "Ouagadougou",
    order: 2,
    profile:
      "Jihadist violence that spread from Mali since 2015 has reached the north and east; over a million people were displaced inside the country by the end of 2020. General elections were held on 22 November 2020.",
  },
  {
    slug: "niger",
    name: "Niger",
    nameFr: "Niger",
    iso: "NE",
    capital: "Niamey",
    order: 3,
    profile:
      "Faces Islamic State fighters in the Tillabéri region near Mali and Boko Haram in the Diffa region near Lake Chad. Held local, legislative and presidential elections in December 2020.",
  },
  {
    slug: "chad",
    name: "Chad",
    nameFr: "Tchad",
    iso: "TD",
    capital: "N'Djamena",
    order: 4,
    profile:
      "Ruled by Idriss Déby Itno since 1990. Its army fights Boko Haram around Lake Chad and contributes troops to regional forces; a constitutional revision was adopted in December 2020.",
  },
  {
    slug: "mauritania",
    name: "Mauritania",
    nameFr: "Mauritanie",
    iso: "MR",
    capital: "Nouakchott",
    order: 5,
    profile:
      "Has seen no jihadist attack on its soil since 2011. Borders Western Sahara, whose Guerguerat crossing carries its trade with Morocco.",
  },
  {
    slug: "nigeria",
    name: "Nigeria",
    nameFr: "Nigéria",
    iso: "NG",
    capital: "Abuja",
    order: 6,
    profile:
      "Neighbour of Niger and Chad. Boko Haram and its Islamic State-aligned splinter ISWAP are active in the north-east, around Lake Chad.",
  },
  {
    slug: "sahel",
    kind: "region",
    name: "Sahel (regional)",
    nameFr: "Sahel (régional)",
    order: 99,
    profile: "Items about the region as a whole: regional forces, foreign partners, and decisions that bear on several countries at once.",
  },
];

export default countries;
