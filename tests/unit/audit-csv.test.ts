import { describe, expect, it } from "vitest";
import { auditActions } from "@/db/schema/audit";
import { auditActionLabels } from "@/lib/audit/action-labels";
import { csvCell, csvRow } from "@/lib/audit/csv";

describe("audit CSV", () => {
  it("quotes every cell and doubles quotes", () => {
    expect(csvCell('She said "hello", then left')).toBe('"She said ""hello"", then left"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('""');
    expect(csvRow(["a", 1, undefined])).toBe('"a","1",""\r\n');
  });

  it("keeps formulas as text", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) {
      expect(csvCell(`${start}HYPERLINK("http://x")`)).toBe(`"'${start}HYPERLINK(""http://x"")"`);
    }
    expect(csvCell("Maya = kind")).toBe('"Maya = kind"');
  });
});

describe("audit action labels", () => {
  it("has plain words for every action", () => {
    for (const action of auditActions) expect(auditActionLabels[action], action).toBeTruthy();
  });
});
