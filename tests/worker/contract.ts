/**
 * The Worker tests' contract check (see tests/support/contract.ts) over the document the app
 * itself generates, so a test fails on the response that broke the contract.
 */
import { contractChecker } from "../support/contract.ts";
import { createApp } from "../../worker/src/app.ts";
import { apiDocument } from "../../worker/src/routes/docs/index.ts";

const checker = contractChecker(() => apiDocument(createApp()));

/** Responses checked in this test file so far (the reporter sums them over the run). */
export const contractStats = checker.stats;
export const operationOf = checker.operationOf;
export const checkContract = checker.check;
