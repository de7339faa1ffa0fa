/** The sign-in page's and account controls' strings, by language (kept apart from i18n.ts's page strings). */
import type { Role } from '../../service/contract.js';
import type { Language } from './i18n.js';
import { useLocale } from './use-strings.js';

const en = {
  heading: 'Sign in to Vaka',
  intro: 'Alerts and residents are shown only to signed-in staff.',
  username: 'Username',
  password: 'Password',
  submit: 'Sign in',
  submitting: 'Signing in…',
  badCredentials: 'Wrong username or password.',
  rateLimited: (seconds: number) => `Too many failed attempts. Try again in ${Math.ceil(seconds / 60)} min.`,
  network: 'Vaka cannot be reached. Check the connection and try again.',
  failed: 'Signing in failed. Try again, or ask an administrator.',
  sessionEnded: 'Your session has ended. Sign in again.',
  signOut: 'Sign out',
  signedInAs: (name: string, role: string) => `${name} (${role})`,
  roles: { carer: 'carer', operator: 'operator', admin: 'administrator' } satisfies Record<Role, string>,
  changeHeading: 'Choose a new password',
  changeIntro: 'Your password was set by someone else or is temporary. Choose your own to continue.',
  currentPassword: 'Current password',
  newPassword: 'New password (at least 12 characters)',
  repeatPassword: 'New password again',
  mismatch: 'The two new passwords differ.',
  tooShort: 'The new password needs at least 12 characters.',
  sameAsCurrent: 'The new password must differ from the current one.',
  wrongCurrent: 'The current password is wrong.',
  changeSubmit: 'Save password',
};

export type AuthStrings = typeof en;

const sv: AuthStrings = {
  heading: 'Logga in i Vaka',
  intro: 'Larm och boende visas bara för inloggad personal.',
  username: 'Användarnamn',
  password: 'Lösenord',
  submit: 'Logga in',
  submitting: 'Loggar in…',
  badCredentials: 'Fel användarnamn eller lösenord.',
  rateLimited: (seconds) => `För många misslyckade försök. Försök igen om ${Math.ceil(seconds / 60)} min.`,
  network: 'Vaka går inte att nå. Kontrollera anslutningen och försök igen.',
  failed: 'Inloggningen misslyckades. Försök igen eller fråga en administratör.',
  sessionEnded: 'Din session har upphört. Logga in igen.',
  signOut: 'Logga ut',
  signedInAs: (name, role) => `${name} (${role})`,
  roles: { carer: 'vårdpersonal', operator: 'tekniker', admin: 'administratör' },
  changeHeading: 'Välj ett nytt lösenord',
  changeIntro: 'Ditt lösenord är tillfälligt eller satt av någon annan. Välj ett eget för att fortsätta.',
  currentPassword: 'Nuvarande lösenord',
  newPassword: 'Nytt lösenord (minst 12 tecken)',
  repeatPassword: 'Nytt lösenord igen',
  mismatch: 'De två nya lösenorden skiljer sig åt.',
  tooShort: 'Det nya lösenordet behöver minst 12 tecken.',
  sameAsCurrent: 'Det nya lösenordet måste skilja sig från det nuvarande.',
  wrongCurrent: 'Det nuvarande lösenordet är fel.',
  changeSubmit: 'Spara lösenord',
};

export const authStrings = { en, sv } satisfies Record<Language, AuthStrings>;

export function useAuthStrings(): AuthStrings {
  return authStrings[useLocale().language];
}
