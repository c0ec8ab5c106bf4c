import type { CountryInput } from "../../src/content/schemas.ts";

// The order here is the order of sections in every issue.
const countries: CountryInput[] = [
  {
    slug: "mali",
    name: "Mali",
    iso: "ML",
    capital: "Bamako",
    order: 1,
    profile:
      "Under a military-led transition since the coup of 18 August 2020. Jihadist groups aligned with al-Qaeda (JNIM) and the Islamic State fight the army, French forces and each other in the north and centre, where community militias also clash.",
    translations: {
      fr: {
        name: "Mali",
        profile:
          "En transition, sous la conduite des militaires, depuis le coup d’État du 18 août 2020. Les groupes djihadistes alignés sur Al-Qaïda (GSIM) et sur l’État islamique combattent l’armée, les forces françaises, et se combattent entre eux dans le Nord et le Centre, où des milices communautaires s’affrontent également.",
      },
    },
  },
  {
    slug: "burkina-faso",
    name: "Burkina Faso",
    iso: "BF",
    capital: "Ouagadougou",
    order: 2,
    profile:
      "Jihadist violence that spread from Mali since 2015 has reached the north and east; over a million people were displaced inside the country by the end of 2020. General elections were held on 22 November 2020.",
    translations: {
      fr: {
        name: "Burkina Faso",
        profile:
          "Les violences djihadistes venues du Mali, qui s’étendent depuis 2015, ont atteint le Nord et l’Est ; plus d’un million de personnes étaient déplacées à l’intérieur du pays fin 2020. Des élections générales ont eu lieu le 22 novembre 2020.",
      },
    },
  },
  {
    slug: "niger",
    name: "Niger",
    iso: "NE",
    capital: "Niamey",
    order: 3,
    profile:
      "Faces Islamic State fighters in the Tillabéri region near Mali and Boko Haram in the Diffa region near Lake Chad. Held local, legislative and presidential elections in December 2020.",
    translations: {
      fr: {
        name: "Niger",
        profile:
          "Le pays fait face aux combattants de l’État islamique dans la région de Tillabéri, près du Mali, et à Boko Haram dans la région de Diffa, près du lac Tchad. Il a organisé des élections locales, législatives et présidentielle en décembre 2020.",
      },
    },
  },
  {
    slug: "chad",
    name: "Chad",
    iso: "TD",
    capital: "N'Djamena",
    order: 4,
    profile:
      "Ruled by Idriss Déby Itno since 1990. Its army fights Boko Haram around Lake Chad and contributes troops to regional forces; a constitutional revision was adopted in December 2020.",
    translations: {
      fr: {
        name: "Tchad",
        profile:
          "Dirigé par Idriss Déby Itno depuis 1990. Son armée combat Boko Haram autour du lac Tchad et fournit des troupes aux forces régionales ; une révision constitutionnelle a été adoptée en décembre 2020.",
      },
    },
  },
  {
    slug: "mauritania",
    name: "Mauritania",
    iso: "MR",
    capital: "Nouakchott",
    order: 5,
    profile:
      "Has seen no jihadist attack on its soil since 2011. Borders Western Sahara, whose Guerguerat crossing carries its trade with Morocco.",
    translations: {
      fr: {
        name: "Mauritanie",
        profile:
          "Le pays n’a connu aucune attaque djihadiste sur son sol depuis 2011. Il borde le Sahara occidental, dont le passage de Guerguerat voit transiter son commerce avec le Maroc.",
      },
    },
  },
  {
    slug: "nigeria",
    name: "Nigeria",
    iso: "NG",
    capital: "Abuja",
    order: 6,
    profile:
      "Neighbour of Niger and Chad. Boko Haram and its Islamic State-aligned splinter ISWAP are active in the north-east, around Lake Chad.",
    translations: {
      fr: {
        name: "Nigéria",
        profile:
          "Voisin du Niger et du Tchad. Boko Haram et sa branche dissidente ISWAP, alignée sur l’État islamique, sont actifs dans le Nord-Est, autour du lac Tchad.",
      },
    },
  },
  {
    slug: "sahel",
    kind: "region",
    name: "Sahel (regional)",
    order: 99,
    profile: "Items about the region as a whole: regional forces, foreign partners, and decisions that bear on several countries at once.",
    translations: {
      fr: {
        name: "Sahel (régional)",
        profile:
          "Les articles qui portent sur la région dans son ensemble : forces régionales, partenaires étrangers et décisions qui concernent plusieurs pays à la fois.",
      },
      // Not a country, so CLDR has no name for it: the Arabic word the region's own name comes from.
      ar: {
        name: "الساحل (إقليمي)",
        profile: "أخبار عن المنطقة ككل: القوات الإقليمية، والشركاء الأجانب، والقرارات التي تخص عدة بلدان في آن واحد.",
      },
    },
  },
];

export default countries;
