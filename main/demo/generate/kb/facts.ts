/**
 * The fact table of the fictional company behind the demo. Documents and answers both read from here, so a
 * grounded answer states exactly what its retrieved chunk says.
 */
export const COMPANY = 'Lumora Home';
export const DOMAIN = 'lumorahome.com';

export const SUPPORT = {
  email: 'support@lumorahome.com',
  phoneUs: '1-800-555-0199',
  phoneUk: '0808 157 0199',
  phoneWeekdays: '8 a.m. to 10 p.m. ET, Monday to Friday',
  phoneWeekends: '9 a.m. to 6 p.m. ET on Saturdays and Sundays',
  agentChatHours: '7 a.m. to 11 p.m. ET every day',
  emailResponse: '1 business day',
  priorityCallback: '15 minutes',
  statusPage: `status.${DOMAIN}`,
  consumerUptimeTarget: '99.5%',
} as const;

export const RETURNS = {
  windowDays: 30,
  holidayStart: 'November 1',
  holidayEnd: 'December 24',
  holidayReturnBy: 'January 31',
  restockingFee: '15%',
  refundDays: '5 to 7 business days',
  paypalRefundDays: '3 business days',
  auLabelFee: 'AU$9.95',
  damageReportDays: 7,
  lostPackageWaitHours: 48,
  reshipDays: '5 business days',
  cancelWindowMinutes: 60,
} as const;

export const SHIPPING = {
  freeOver: '$49',
  standardFee: '$5.99',
  standardDays: '3 to 5 business days',
  expressFee: '$12.99',
  expressDays: '1 to 2 business days',
  cutoff: '2 p.m. ET',
  countries: ['the United States', 'Canada', 'the United Kingdom', 'Ireland', 'Germany', 'France', 'the Netherlands', 'Australia'],
  internationalDays: '5 to 9 business days',
  carriersUs: 'UPS and FedEx',
  carriersUk: 'Royal Mail and DPD',
  carriersEu: 'DHL',
  carriersAu: 'Australia Post',
} as const;

export const PRICE_MATCH = { days: 14, retailers: 'Best Buy, Target, Currys, JB Hi-Fi and Amazon (when sold by Amazon itself)' } as const;

export const PAYMENTS = {
  cards: 'Visa, Mastercard, American Express and Discover',
  wallets: 'PayPal, Apple Pay and Google Pay',
  klarnaMin: '$50',
  klarnaMax: '$1,000',
  klarnaCountries: 'the US, the UK and Germany',
  giftCardMin: '$25',
  giftCardMax: '$500',
} as const;

export const DISCOUNTS = {
  student: '15%',
  military: '15%',
  newsletter: '10%',
  bundleSaving: '20%',
  tradeIn: '20%',
  recyclePerYear: 5,
} as const;

export const WARRANTY = {
  refurbishedYears: 1,
  euMinimumYears: 2,
  claimShipDays: '2 business days',
  carePlusPrice: '$79',
  carePlusYears: 3,
  carePlusClaims: 2,
  carePlusFee: '$29',
  carePlusBuyWithinDays: 60,
} as const;

export const PLANS = {
  basicMonthly: '$4.99',
  basicYearly: '$49.99',
  basicHistoryDays: 30,
  plusMonthly: '$11.99',
  plusYearly: '$119.99',
  plusHistoryDays: 60,
  plusContinuousDays: 10,
  plusStoreDiscount: '10%',
  proMonthly: '$24.99',
  proYearly: '$249',
  freeSnapshotsHours: 24,
  trialDays: 30,
  annualRefundDays: 30,
  householdMembers: 10,
  householdMembersBasic: 2,
  proMonitoringCountries: 'the United States and Canada',
  proTransferNoticeDays: 5,
  businessPerSite: '$39',
  businessMinSites: 3,
  businessUptime: '99.9%',
  businessResponse: '1 hour',
  businessAccountManagerSites: 25,
} as const;

export const ACCOUNT = {
  passwordMinLength: 12,
  lockoutAttempts: 10,
  lockoutMinutes: 30,
  deletionDays: 30,
  exportDays: 7,
  iosMin: 'iOS 16',
  androidMin: 'Android 10',
  webDashboard: `app.${DOMAIN}`,
  firmwareWindow: 'between 2 a.m. and 4 a.m. local time',
  firmwarePostponeDays: 14,
  securityUpdateYears: 5,
  uploadPerCamera: '2 Mbps',
  uploadPer2k: '4 Mbps',
} as const;

export const SERVICES = {
  installPartner: 'HomeReady',
  installThermostat: '$99',
  installDoorbell: '$129',
  installLock: '$119',
  installMetros: 40,
  installNoticeDays: 2,
  installCancelHours: 24,
  rebateUpTo: '$100',
  heatingSavings: '12%',
  coolingSavings: '15%',
} as const;
