// The language the project's own tools speak: the checker's problems and the command line's
// words are written in src/, in English, not read from a message catalogue. A page that shows
// them (the preview's list of what a draft lacks) marks them as this language, and the command
// line names languages in it.
export const TOOLS_LANGUAGE = "en";
