import { DEFINITION_PROBLEM_CODES, ROLES, STEP_ACTORS, type DefinitionProblem, type RegionalPart } from "@akrab/domain";
import { z } from "@hono/zod-openapi";
import { Text } from "./common.ts";

const msg = (id: string, en: string) => `${id} / ${en}`;

/**
 * The shape of a workflow definition as a tenant sends it. Only shape is checked here; whether
 * the steps form a sound graph is the domain's `validateRegionalPart`, which the API runs next.
 */
const Identifier = (what: { id: string; en: string }) =>
  z
    .string()
    .max(40, msg(`${what.id} paling banyak 40 karakter`, `${what.en} has at most 40 characters`))
    .regex(
      /^[a-z][a-z0-9_]*$/,
      msg(
        `${what.id} hanya huruf kecil, angka dan garis bawah, diawali huruf`,
        `${what.en} uses lowercase letters, digits and underscores, starting with a letter`,
      ),
    );

const StepId = Identifier({ id: "Kode langkah", en: "Step id" }).openapi({ example: "kabkota_verification" });
const ActionId = Identifier({ id: "Kode aksi", en: "Action id" }).openapi({ example: "recommend" });

const LabelText = Text()
  .min(1, msg("Label wajib diisi", "Label is required"))
  .max(80, msg("Label paling banyak 80 karakter", "Label has at most 80 characters"));

const Label = z.object({
  id: LabelText.openapi({ description: "Bahasa Indonesia" }),
  en: LabelText.openapi({ description: "English" }),
});

export const WorkflowStepSchema = z
  .object({
    id: StepId,
    label: Label,
    actor: z.enum(STEP_ACTORS, { message: msg("Pilih pelaku langkah", "Choose who acts in the step") }),
    slaDays: z
      .number()
      .int(msg("SLA harus bilangan bulat", "SLA must be a whole number of days"))
      .min(1, msg("SLA minimal 1 hari kerja", "SLA is at least 1 working day"))
      .max(365, msg("SLA paling lama 365 hari kerja", "SLA is at most 365 working days"))
      .nullable()
      .openapi({ description: "Working days (Mon–Fri, Asia/Jakarta) the actor has; null when nobody is chased" }),
    terminal: z.boolean(),
  })
  .openapi("WorkflowStep");

export const WorkflowTransitionSchema = z
  .object({
    action: ActionId,
    label: Label,
    from: StepId,
    to: StepId,
    // An empty list is left to the domain validator, which reports it as `empty_roles` with where it is.
    roles: z.array(z.enum(ROLES, { message: msg("Peran tidak dikenal", "Unknown role") })).max(ROLES.length),
    commentRequired: z.boolean(),
    checklistRequired: z.boolean(),
    selfAssessmentRequired: z.boolean().optional().openapi({
      description:
        "The LKS's self-assessment must be complete first; left out, it is required on every hand-over from the LKS",
    }),
  })
  .openapi("WorkflowTransition");

export const RegionalPartSchema = z
  .object({
    start: StepId,
    steps: z
      .array(WorkflowStepSchema)
      .min(1, msg("Isi minimal satu langkah", "At least one step"))
      .max(30, msg("Paling banyak 30 langkah", "At most 30 steps")),
    transitions: z.array(WorkflowTransitionSchema).max(80, msg("Paling banyak 80 transisi", "At most 80 transitions")),
  })
  .openapi("RegionalPart", {
    description: "A tenant's part of the workflow; it must forward to BALKS at `balks_intake`",
  });

export const DefinitionProblemSchema = z
  .object({
    code: z.enum(DEFINITION_PROBLEM_CODES),
    message: z.string().openapi({
      example: 'Langkah "x" tidak dapat dicapai dari langkah awal / Step "x" cannot be reached from the start',
    }),
    where: z.object({
      step: z.string().optional(),
      transition: z.number().int().min(0).optional().openapi({ description: "Index into the submitted transitions" }),
      field: z.string().optional(),
    }),
  })
  .openapi("DefinitionProblem");

// What zod accepts must be what the domain validator takes, and the problems it returns must fit the schema.
export type RegionalPartInput = z.output<typeof RegionalPartSchema>;
true satisfies RegionalPartInput extends RegionalPart ? true : false;
true satisfies DefinitionProblem extends z.input<typeof DefinitionProblemSchema> ? true : false;
