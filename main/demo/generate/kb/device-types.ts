/** The shape of one product line in the demo catalogue; product and troubleshooting docs are built from it. */
export type DeviceSection = 'price' | 'box' | 'specs' | 'requirements' | 'battery' | 'setup' | 'offline' | 'reset' | 'lights';

export interface DeviceFactSpec {
  id: string;
  section: DeviceSection;
  key: string;
  questions: string[];
  answer: string;
  contradiction: string;
}

export interface Device {
  id: string;
  name: string;
  short: string;
  price: string;
  wrongPrice: string;
  warrantyYears: 1 | 2;
  launched: string;
  summary: string;
  availability: string;
  inBox: string[];
  specs: string[];
  requirements: string;
  battery?: string;
  setup: string[];
  /** How long setup takes; 10 minutes when not given. */
  setupMinutes?: number;
  offline: string[];
  reset: string[];
  lightsHeading: string;
  lights: [string, string][];
  resetKey: string;
  offlineKey: string;
  facts: DeviceFactSpec[];
}
