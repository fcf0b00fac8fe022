import { m } from "#lib/paraglide/messages.js";

// Apart from labels.ts: the application page, its timeline and its dialogs name profile fields
// but show none of the registry's other labels (and so do not load their texts).

/** Names of the LKS profile's top-level fields (return comments, change history). */
export function profileFieldLabel(field: string): string {
  switch (field) {
    case "name":
      return m.field_name();
    case "legalForm":
      return m.field_legal_form();
    case "ownership":
      return m.field_ownership();
    case "institutionKind":
      return m.field_institution_kind();
    case "owningAgency":
      return m.field_owning_agency();
    case "decree":
      return m.field_decree();
    case "deed":
      return m.field_deed();
    case "kemenkumham":
      return m.field_kemenkumham();
    case "legalisation":
      return m.field_legalisation();
    case "npwp":
      return m.field_npwp();
    case "address":
      return m.field_address();
    case "location":
      return m.field_location();
    case "phone":
      return m.field_phone();
    case "email":
      return m.field_email();
    case "board":
      return m.field_board();
    case "types":
      return m.field_types();
    case "serviceMode":
      return m.field_service_mode();
    case "ppks":
      return m.field_ppks();
    case "capacity":
      return m.field_capacity();
    case "currentClients":
      return m.field_current_clients();
    case "staffCount":
      return m.field_staff_count();
    case "tandaDaftar":
      return m.field_tanda_daftar();
    case "izinOperasional":
      return m.field_izin_operasional();
    case "siksNgId":
      return m.field_siks_ng_id();
    case "status":
      return m.field_status();
    case "*":
      return m.field_registration();
    default:
      return field;
  }
}
