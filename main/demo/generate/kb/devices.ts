import { CAMERA_DEVICES } from './devices-camera';
import { HUB_DEVICES } from './devices-hub';
import { SENSOR_DEVICES } from './devices-sensor';
import type { Device, DeviceSection } from './device-types';
import { WARRANTY } from './facts';
import { buildDoc, bullets, chunkId, steps, type KbDoc, type QaFact } from './types';

export const DEVICES: Device[] = [...HUB_DEVICES, ...CAMERA_DEVICES, ...SENSOR_DEVICES];

const productDocId = (d: Device) => `kb-${d.id}`;
const troubleDocId = (d: Device) => `kb-${d.id}-troubleshooting`;

function headings(d: Device): Record<DeviceSection, [docId: string, heading: string]> {
  const product = productDocId(d);
  const trouble = troubleDocId(d);
  return {
    price: [product, 'Price and availability'],
    box: [product, "What's in the box"],
    specs: [product, 'Key specifications'],
    requirements: [product, 'Compatibility and requirements'],
    battery: [product, 'Battery and power'],
    setup: [trouble, `Setting up your ${d.short}`],
    offline: [trouble, `If your ${d.short} goes offline`],
    reset: [trouble, 'Factory reset'],
    lights: [trouble, d.lightsHeading],
  };
}

function warrantyText(d: Device): string {
  return `The ${d.name} is covered by our ${d.warrantyYears}-year limited warranty, starting on the date of delivery. It covers defects in materials and workmanship under normal use. In the UK and the EU, every Lumora Home device is covered for at least ${WARRANTY.euMinimumYears} years under local consumer law.

Accidental damage, such as drops, cracked housings or water damage beyond the device's rating, is not covered by the limited warranty. You can add Lumora Care+ within ${WARRANTY.carePlusBuyWithinDays} days of purchase to cover it. To make a claim, have your serial number ready (Settings > Devices > ${d.short} > About) and see our warranty claims guide.`;
}

function productDoc(d: Device): KbDoc {
  const h = headings(d);
  const sections = [
    { heading: h.price[1], body: `The ${d.name} costs ${d.price} in the Lumora Home online store (US price, before sales tax). Prices in other countries are shown in the local store and include VAT where it applies. ${d.availability}` },
    { heading: h.box[1], body: bullets(d.inBox) },
    { heading: h.specs[1], body: bullets(d.specs) },
    { heading: h.requirements[1], body: d.requirements },
    ...(d.battery ? [{ heading: h.battery[1], body: d.battery }] : []),
    { heading: 'Warranty', body: warrantyText(d) },
  ];
  return buildDoc({ id: productDocId(d), title: d.name, category: 'devices', intro: `${d.summary} It was launched in ${d.launched}.`, sections });
}

function troubleshootingDoc(d: Device): KbDoc {
  const h = headings(d);
  const lightTable = ['| What you see | What it means |', '| --- | --- |', ...d.lights.map(([state, meaning]) => `| ${state} | ${meaning} |`)].join('\n');
  return buildDoc({
    id: troubleDocId(d),
    title: `${d.short} setup and troubleshooting`,
    category: 'troubleshooting',
    intro: `This guide covers setting up your ${d.name}, getting it back online, the meaning of its ${d.lightsHeading.toLowerCase()}, and how to factory reset it. If these steps do not solve the problem, chat with us any time in the Lumora app, and have the device serial number ready.`,
    sections: [
      { heading: h.setup[1], body: `You need the Lumora app and about ${d.setupMinutes ?? 10} minutes.\n\n${steps(d.setup)}` },
      { heading: h.offline[1], body: `Try these steps in order:\n\n${steps(d.offline)}` },
      { heading: h.reset[1], body: `A factory reset erases the device's settings. Only reset it if support asks you to, or before you give the device away.\n\n${steps(d.reset)}` },
      { heading: h.lights[1], body: lightTable },
    ],
  });
}

function sentenceSteps(lines: readonly string[]): string {
  return lines.map((line, i) => `${i + 1}) ${line}`).join(' ');
}

function deviceFacts(d: Device): QaFact[] {
  const h = headings(d);
  const at = (section: DeviceSection) => chunkId(...h[section]);
  const lower = d.short.toLowerCase();
  const [lightState, lightMeaning] = d.lights[d.lights.length - 1] ?? ['', ''];
  const [, firstMeaning] = d.lights[0] ?? ['', ''];
  const euNote = d.warrantyYears === 1 ? ` (at least ${WARRANTY.euMinimumYears} years in the UK and the EU)` : '';
  const common: QaFact[] = [
    {
      id: `${d.id}.price`,
      chunkId: at('price'),
      key: d.price,
      questions: [`How much is the ${d.name}?`, `What does the ${d.short} cost?`, `${lower} price?`, `Is the ${d.short} still ${d.wrongPrice}? I thought I saw that price somewhere.`],
      answer: `The ${d.name} costs ${d.price} in our US online store, before sales tax.`,
      contradiction: `The ${d.name} costs ${d.wrongPrice} in our US online store.`,
    },
    {
      id: `${d.id}.warranty`,
      chunkId: chunkId(productDocId(d), 'Warranty'),
      key: `${d.warrantyYears}-year`,
      questions: [`What's the warranty on the ${d.short}?`, `How long is the ${d.name} covered under warranty?`, `Is the ${lower} covered if it just stops working?`, `warranty length for ${lower}?`],
      answer: `The ${d.name} comes with a ${d.warrantyYears}-year limited warranty from the date of delivery${euNote}. It covers defects, but not accidental damage.`,
      contradiction:
        d.warrantyYears === 2
          ? `The ${d.name} comes with a 1-year limited warranty from the date of purchase.`
          : `The ${d.name} comes with a 90-day limited warranty, in every country including the UK and the EU.`,
    },
    {
      id: `${d.id}.reset`,
      chunkId: at('reset'),
      key: d.resetKey,
      questions: [`How do I factory reset my ${d.short}?`, `How can I reset the ${d.short} before I give it to my brother?`, `reset ${lower} to factory settings`, `I need to start over with my ${d.short}. How do I wipe it?`],
      answer: `To factory reset your ${d.short}: ${sentenceSteps(d.reset)}`,
      contradiction: `To reset the ${d.short}, unplug it and plug it back in three times in a row; there is no reset button or menu option.`,
    },
    {
      id: `${d.id}.offline`,
      chunkId: at('offline'),
      key: d.offlineKey,
      questions: [`My ${d.short} keeps going offline. What should I do?`, `${d.short} shows offline in the app`, `Why does the app say my ${d.short} is disconnected?`, `${lower} not connecting anymore after I got a new router`],
      answer: `Sorry it keeps dropping off. Please try these steps in order: ${sentenceSteps(d.offline)}`,
      contradiction: `When the ${d.short} goes offline it has to be factory reset and set up again; restarting it or your router will not help.`,
    },
    {
      id: `${d.id}.light`,
      chunkId: at('lights'),
      key: lightMeaning,
      questions: [`What does "${lightState}" mean on my ${d.short}?`, `My ${d.short} is showing ${lightState.toLowerCase()}. Is something wrong?`, `${lower}: ${lightState.toLowerCase()}, what does that mean`],
      answer: `On the ${d.short}, "${lightState}" means: ${lightMeaning}.`,
      contradiction: `On the ${d.short}, "${lightState}" means: ${firstMeaning}.`,
    },
  ];
  const specific = d.facts.map((f): QaFact => ({ id: `${d.id}.${f.id}`, chunkId: at(f.section), key: f.key, questions: f.questions, answer: f.answer, contradiction: f.contradiction }));
  return [...common, ...specific].map((f) => ({ ...f, subject: d.short }));
}

export const DEVICE_DOCS: KbDoc[] = DEVICES.flatMap((d) => [productDoc(d), troubleshootingDoc(d)]);
export const DEVICE_FACTS: QaFact[] = DEVICES.flatMap(deviceFacts);
