import type { ActorInput } from "../../src/model/schemas.ts";

const actors: ActorInput[] = [
  // Armed groups
  { slug: "jnim", name: "JNIM", kind: "armed-group", aliases: ["Jama'at Nusrat al-Islam wal-Muslimin", "GSIM"], countries: ["mali", "burkina-faso", "niger"], description: "Al-Qaeda-aligned coalition of Sahel jihadist groups formed in 2017 and led by Iyad Ag Ghali." },
  { slug: "katiba-macina", name: "Katiba Macina", kind: "armed-group", aliases: ["Macina Liberation Front"], countries: ["mali"], description: "JNIM component active in central Mali, linked to the preacher Amadou Koufa." },
  { slug: "ansarul-islam", name: "Ansarul Islam", kind: "armed-group", countries: ["burkina-faso", "mali"], description: "Jihadist group founded by the Burkinabè preacher Malam Dicko, described by France as affiliated with al-Qaeda." },
  { slug: "aqim", name: "AQIM", kind: "armed-group", aliases: ["al-Qaeda in the Islamic Maghreb"], countries: ["mali"], description: "Al-Qaeda's North African branch, with which JNIM is affiliated." },
  { slug: "isgs", name: "Islamic State in the Greater Sahara", kind: "armed-group", aliases: ["ISGS", "EIGS"], countries: ["mali", "niger", "burkina-faso"], description: "Islamic State-aligned group active where Mali, Niger and Burkina Faso meet." },
  { slug: "boko-haram", name: "Boko Haram", kind: "armed-group", countries: ["nigeria", "niger", "chad"], description: "Jihadist insurgency born in north-eastern Nigeria and active around Lake Chad; its splinter ISWAP is aligned with the Islamic State." },
  { slug: "dana-ambassagou", name: "Dana Ambassagou", kind: "armed-group", countries: ["mali"], description: "Dogon community militia in central Mali." },
  { slug: "dozo-hunters", name: "Dozo hunters", kind: "armed-group", aliases: ["donso"], countries: ["mali"], description: "Traditional hunters' brotherhoods that act as self-defence groups in central Mali." },
  { slug: "cma-plateforme", name: "CMA and Plateforme", kind: "armed-group", countries: ["mali"], description: "Former-rebel and pro-government coalitions of northern Malian armed groups that signed the 2015 Algiers peace accord." },
  { slug: "polisario", name: "Polisario Front", kind: "armed-group", countries: ["mauritania"], description: "Sahrawi pro-independence movement in Western Sahara." },
  // State forces
  { slug: "fama", name: "Malian Armed Forces", kind: "state-force", aliases: ["FAMa"], countries: ["mali"], description: "Mali's national army." },
  { slug: "burkina-army", name: "Burkinabè armed forces", kind: "state-force", countries: ["burkina-faso"], description: "Burkina Faso's army and gendarmerie." },
  { slug: "fan", name: "Nigerien Armed Forces", kind: "state-force", aliases: ["FAN"], countries: ["niger"], description: "Niger's national army." },
  { slug: "chad-army", name: "Chadian army", kind: "state-force", aliases: ["ANT"], countries: ["chad"], description: "Chad's national army, active around Lake Chad and in regional forces." },
  { slug: "mali-state-security", name: "Mali State Security", kind: "state-force", aliases: ["DGSE"], countries: ["mali"], description: "Mali's intelligence service." },
  // International forces
  { slug: "barkhane", name: "Operation Barkhane", kind: "international-force", aliases: ["French forces"], countries: ["mali", "niger", "chad", "burkina-faso"], description: "France's counter-terrorism operation in the Sahel, put at about 5,100 personnel in late 2020." },
  { slug: "minusma", name: "MINUSMA", kind: "international-force", aliases: ["UN mission in Mali"], countries: ["mali"], description: "The UN stabilisation mission in Mali." },
  { slug: "g5-sahel", name: "G5 Sahel", kind: "international-force", aliases: ["G5 Sahel Joint Force"], countries: ["mali", "burkina-faso", "niger", "chad", "mauritania"], description: "Regional grouping, and joint military force, of Burkina Faso, Chad, Mali, Mauritania and Niger." },
  { slug: "us-forces", name: "US special forces", kind: "international-force", countries: [], description: "United States military units operating in West Africa." },
  { slug: "morocco-army", name: "Moroccan armed forces", kind: "international-force", countries: [], description: "Morocco's army, deployed at the Guerguerat crossing in November 2020." },
  // Institutions
  { slug: "mali-transition", name: "Mali's transitional authorities", kind: "institution", aliases: ["transitional government"], countries: ["mali"], description: "Transition president Bah N'Daw, vice-president Col. Assimi Goïta and prime minister Moctar Ouane, in office since September–October 2020." },
  { slug: "cnt", name: "National Transitional Council", kind: "institution", aliases: ["CNT"], countries: ["mali"], description: "Mali's 121-member interim legislature, set up in December 2020." },
  { slug: "bf-ceni", name: "CENI (Burkina Faso)", kind: "institution", countries: ["burkina-faso"], description: "Burkina Faso's independent electoral commission." },
  { slug: "bf-constitutional-council", name: "Constitutional Council (Burkina Faso)", kind: "institution", countries: ["burkina-faso"], description: "Validates Burkina Faso's election results." },
  { slug: "niger-constitutional-court", name: "Constitutional Court (Niger)", kind: "institution", countries: ["niger"], description: "Validates candidacies and results in Niger's elections." },
  { slug: "niger-ceni", name: "CENI (Niger)", kind: "institution", countries: ["niger"], description: "Niger's independent electoral commission." },
  { slug: "chad-national-assembly", name: "National Assembly (Chad)", kind: "institution", countries: ["chad"], description: "Chad's legislature, dominated by President Déby's majority." },
  { slug: "ecowas", name: "ECOWAS", kind: "institution", countries: [], description: "The West African regional bloc, which set the terms of Mali's transition." },
  { slug: "united-nations", name: "United Nations", kind: "institution", aliases: ["UN", "OCHA", "UNHCR", "IOM"], countries: [], description: "The UN Secretariat and its agencies for humanitarian affairs, refugees and migration." },
  // Political actors
  { slug: "france", name: "French government", kind: "political", aliases: ["Emmanuel Macron", "Florence Parly", "Jean-Yves Le Drian"], countries: [], description: "France's president and ministers of the armed forces and of foreign affairs." },
  { slug: "m5-rfp", name: "M5-RFP", kind: "political", aliases: ["June 5 Movement"], countries: ["mali"], description: "Malian coalition of opposition parties and civil society that led the 2020 protests." },
  { slug: "kabore", name: "Roch Marc Christian Kaboré", kind: "political", countries: ["burkina-faso"], description: "President of Burkina Faso, re-elected in November 2020; leader of the ruling MPP." },
  { slug: "bazoum", name: "Mohamed Bazoum", kind: "political", countries: ["niger"], description: "Candidate of Niger's ruling PNDS in the 2020–2021 presidential election." },
  { slug: "hama-amadou", name: "Hama Amadou", kind: "political", aliases: ["Moden Fa Lumana"], countries: ["niger"], description: "Nigerien opposition leader whose 2020 presidential candidacy was rejected." },
  { slug: "deby", name: "Idriss Déby Itno", kind: "political", countries: ["chad"], description: "President of Chad since December 1990." },
  { slug: "ghazouani", name: "Mohamed Ould Cheikh El Ghazouani", kind: "political", countries: ["mauritania"], description: "President of Mauritania since 2019." },
  { slug: "abdel-aziz", name: "Mohamed Ould Abdel Aziz", kind: "political", countries: ["mauritania"], description: "President of Mauritania from 2008 to 2019, under a corruption inquiry since 2020." },
  // Civil society and data sources
  { slug: "acled", name: "ACLED", kind: "civil-society", countries: [], description: "Conflict-event data project whose counts of events and fatalities are widely cited." },
  { slug: "crisis-group", name: "Crisis Group", kind: "civil-society", aliases: ["CrisisWatch"], countries: [], description: "NGO that publishes CrisisWatch, a monthly conflict tracker." },
  { slug: "tabital-pulaaku", name: "Tabital Pulaaku", kind: "civil-society", countries: ["mali"], description: "Association promoting Fulani culture." },
];

export default actors;
