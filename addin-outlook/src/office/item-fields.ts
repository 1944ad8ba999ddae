import { officeAsync } from "./office-async.ts";

// Compose-mode fields are read through one callback each; each is wrapped here once.

export const getSubject = (subject: Office.Subject) => officeAsync<string>((done) => subject.getAsync(done));

export const getRecipients = (recipients: Office.Recipients) =>
  officeAsync<Office.EmailAddressDetails[]>((done) => recipients.getAsync(done));

export const getFrom = (from: Office.From) => officeAsync<Office.EmailAddressDetails>((done) => from.getAsync(done));

export const getOrganizer = (organizer: Office.Organizer) =>
  officeAsync<Office.EmailAddressDetails>((done) => organizer.getAsync(done));

export const getTime = (time: Office.Time) => officeAsync<Date>((done) => time.getAsync(done));

export const getLocation = (location: Office.Location) => officeAsync<string>((done) => location.getAsync(done));

export const getRecurrence = (recurrence: Office.Recurrence) =>
  officeAsync<Office.Recurrence | null>((done) => recurrence.getAsync(done));
