/** Display labels for applications and workflows (Paraglide messages, "appl"/"wf" prefixes). */
import { m } from "#lib/paraglide/messages.js";

export function applicationKindLabel(kind: string): string {
  return kind === "renewal" ? m.appl_kind_renewal() : kind === "first" ? m.appl_kind_first() : kind;
}

export function letterFieldLabel(field: string): string {
  switch (field) {
    case "number":
      return m.appl_letter_number();
    case "date":
      return m.appl_letter_date();
    case "signatoryName":
      return m.appl_letter_signatory();
    case "signatoryPosition":
      return m.appl_letter_position();
    case "summary":
      return m.appl_letter_summary();
    default:
      return field;
  }
}

export function returnKindLabel(kind: string): string {
  switch (kind) {
    case "document":
      return m.appl_item_kind_document();
    case "profile_field":
      return m.appl_item_kind_profile();
    case "letter":
      return m.appl_item_kind_letter();
    case "indicator":
      return m.appl_item_kind_indicator();
    default:
      return kind;
  }
}

export function checklistStatusLabel(status: string): string {
  switch (status) {
    case "missing":
      return m.appl_doc_missing();
    case "uploaded":
      return m.appl_doc_uploaded();
    case "returned":
      return m.appl_doc_returned();
    case "accepted":
      return m.appl_doc_accepted();
    default:
      return status;
  }
}

export function actorLabel(actor: string): string {
  switch (actor) {
    case "lks":
      return m.wf_actor_lks();
    case "kabkota":
      return m.wf_actor_kabkota();
    case "province":
      return m.wf_actor_province();
    case "national":
      return m.wf_actor_national();
    default:
      return actor;
  }
}

/** Timeline actions; tenants may name their own, which then show as written. */
export function timelineActionLabel(action: string): string {
  switch (action) {
    case "create":
      return m.appl_act_create();
    case "submit":
      return m.appl_act_submit();
    case "resubmit":
      return m.appl_act_resubmit();
    case "return":
      return m.appl_act_return();
    case "recommend":
      return m.appl_act_recommend();
    case "withdraw":
      return m.appl_act_withdraw();
    case "move_version":
      return m.appl_act_move_version();
    case "edit_letter":
      return m.appl_act_edit_letter();
    default:
      return action;
  }
}
