/**
 * A title in quotation marks: “Title”. Double quotes inside the title become single ones, so a
 * title like Reflecting on “Letting Others In” reads “Reflecting on ‘Letting Others In’” instead
 * of nesting double quotes.
 */
export function quoteTitle(title: string): string {
  return `“${title.replace(/[“”]|"/g, (mark, offset: number) => singleFor(mark, title, offset))}”`;
}

function singleFor(mark: string, title: string, offset: number): string {
  if (mark === "“") return "‘";
  if (mark === "”") return "’";
  // A straight quote opens when it starts the title or follows a space or bracket.
  return offset === 0 || /[\s([{]/.test(title[offset - 1]!) ? "‘" : "’";
}
