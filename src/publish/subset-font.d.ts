// npm subset-font ships no types: what src/publish/card-fonts.ts uses of it.
declare module "subset-font" {
  interface SubsetOptions {
    targetFormat?: "truetype" | "sfnt" | "woff" | "woff2";
    noHinting?: boolean;
  }
  export default function subsetFont(font: Buffer, text: string, options?: SubsetOptions): Promise<Buffer>;
}
