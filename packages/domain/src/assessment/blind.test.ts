import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ROLES } from "../identity/roles.ts";
import { allSubmitted, maySeeScores, visibleSheets, type ScoreViewer } from "./blind.ts";

const TEAM = ["ani", "budi"];
const ani: ScoreViewer = { asesorId: "ani", roles: ["asesor"] };
const budi: ScoreViewer = { asesorId: "budi", roles: ["asesor"] };
const outsider: ScoreViewer = { asesorId: "citra", roles: ["asesor"] };
const balks: ScoreViewer = { asesorId: null, roles: ["balks_decider"] };

describe("blind scoring, worked through a visit", () => {
  it("before anyone submits each asesor sees only their own draft; BALKS sees nothing", () => {
    expect(visibleSheets(ani, TEAM, [])).toEqual(["ani"]);
    expect(visibleSheets(budi, TEAM, [])).toEqual(["budi"]);
    expect(visibleSheets(balks, TEAM, [])).toEqual([]);
  });

  it("one submitted is not enough: Ani submitted, Budi has not; nobody sees across", () => {
    expect(visibleSheets(ani, TEAM, ["ani"])).toEqual(["ani"]);
    expect(visibleSheets(budi, TEAM, ["ani"])).toEqual(["budi"]);
    expect(visibleSheets(balks, TEAM, ["ani"])).toEqual([]);
  });

  it("once both submitted the team and BALKS see both; an outsider, the Dinsos and the LKS never do", () => {
    expect(visibleSheets(ani, TEAM, ["budi", "ani"])).toEqual(["ani", "budi"]);
    expect(visibleSheets(balks, TEAM, ["ani", "budi"])).toEqual(["ani", "budi"]);
    expect(visibleSheets({ asesorId: null, roles: ["balks_secretariat"] }, TEAM, TEAM)).toEqual(["ani", "budi"]);
    expect(visibleSheets(outsider, TEAM, TEAM)).toEqual([]);
    for (const role of ["dinsos_verifier", "dinsos_head", "lks_operator", "national_viewer", "platform_admin"] as const)
      expect(visibleSheets({ asesorId: null, roles: [role] }, TEAM, TEAM)).toEqual([]);
  });

  it("an asesor id without the asesor role counts for nothing (a BALKS officer who is also an asesor acts in one role)", () => {
    expect(maySeeScores({ asesorId: "ani", roles: ["national_viewer"] }, "ani", TEAM, [])).toBe(false);
  });

  it("an empty team has not all submitted", () => {
    expect(allSubmitted([], [])).toBe(false);
  });
});

describe("blind scoring, properties", () => {
  const ids = fc.constantFrom("ani", "budi", "citra", "dewi");
  const viewerArb = fc.record({ asesorId: fc.option(ids), roles: fc.subarray([...ROLES]) });

  it("never reveals another's sheet before every team member submitted", () => {
    fc.assert(
      fc.property(
        viewerArb,
        fc.uniqueArray(ids, { minLength: 1 }),
        fc.array(ids),
        ids,
        (viewer, team, submitted, author) => {
          if (!allSubmitted(team, submitted) && viewer.asesorId !== author)
            expect(maySeeScores(viewer, author, team, submitted)).toBe(false);
        },
      ),
    );
  });

  it("an asesor always sees their own sheet", () => {
    fc.assert(
      fc.property(ids, fc.array(ids), fc.array(ids), (me, team, submitted) => {
        expect(maySeeScores({ asesorId: me, roles: ["asesor"] }, me, team, submitted)).toBe(true);
      }),
    );
  });
});
