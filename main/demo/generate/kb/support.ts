import { PLANS as P, SUPPORT as SP } from './facts';
import { buildDoc, bullets, factsFor, steps, type KbDoc, type QaFact } from './types';

/** Contacting support, outages, moving, power cuts and what is sold where. */
export const SUPPORT_DOCS: KbDoc[] = [
  buildDoc({
    id: 'kb-contact-support',
    title: 'Contact Lumora Home support',
    category: 'support',
    intro: `Our support team helps with setup, troubleshooting, orders and billing. The fastest way to reach us is chat in the Lumora app, where you can also share device diagnostics with one tap.`,
    sections: [
      { heading: 'Chat', body: `Chat is open 24/7 in the app and on lumorahome.com. Our assistant answers common questions any time, and human agents are available ${SP.agentChatHours}. Ask for an agent at any point in the conversation.` },
      { heading: 'Phone', body: `In the US and Canada call ${SP.phoneUs}, ${SP.phoneWeekdays}, and ${SP.phoneWeekends}. In the UK and Ireland call ${SP.phoneUk}, 9 a.m. to 6 p.m. UK time, Monday to Saturday. We do not offer phone support in Germany, France, the Netherlands or Australia yet; please use chat or email.` },
      { heading: 'Email', body: `Email ${SP.email} with your order number or device serial number. We reply within ${SP.emailResponse}.` },
      { heading: 'Priority support for Plus and Pro', body: `Protect Plus and Pro customers can request a priority callback in the app. During phone hours, an agent calls you back within ${SP.priorityCallback}.` },
    ],
  }),
  buildDoc({
    id: 'kb-service-status',
    title: 'Service status and outages',
    category: 'support',
    intro: `Lumora Home cloud services are built to stay available, but outages can happen. Here is how to check the status, what keeps working during an outage, and what we do when things go wrong.`,
    sections: [
      { heading: 'Checking service status', body: `See the current status of live view, video history, notifications and the app at ${SP.statusPage}. Subscribe there to get an email or text message when an incident starts and ends.` },
      { heading: 'What keeps working during an outage', body: bullets(['Local automations on Hub 2', 'The Smart Lock keypad and keys', 'Recording to the microSD card on Cam Outdoor', 'Smart Plug schedules, which are stored on the plug', 'Leak Sensor and Motion Sensor sirens through Hub 2']) },
      { heading: 'Service targets and credits', body: `Our target for consumer cloud services is ${SP.consumerUptimeTarget} monthly uptime. Consumer plans do not include service credits, but if an outage stops cloud recording for more than 24 hours in a row, we add 7 days to every affected Protect subscription automatically. Business customers are covered by the Lumora for Business SLA.` },
    ],
  }),
  buildDoc({
    id: 'kb-moving-and-selling-devices',
    title: 'Moving home or selling your devices',
    category: 'support',
    intro: `Lumora devices can move with you, and they can be sold or given away safely. Follow these steps so your video and codes stay private.`,
    sections: [
      { heading: 'Moving to a new home', body: `Add your new address in the app under Settings > Homes > Add home, then move each device to it after you install it there. Your plan moves with you. Protect Pro customers must tell us at least ${P.proTransferNoticeDays} days before the move. Run the thermostat compatibility checker again, because the heating system may be different.` },
      { heading: 'Selling or giving away a device', body: steps(['Remove the device from your account: Settings > Devices > choose the device > Remove.', 'Factory reset the device.', 'Give the buyer your order number so they can make warranty claims.']) },
      { heading: 'Buying a used device', body: `A device that is still linked to someone else's account cannot be added to yours. Ask the seller to remove it. If that is not possible, contact support with proof of purchase and we can release it. The limited warranty transfers with the device, but Care+ does not.` },
    ],
  }),
  buildDoc({
    id: 'kb-power-outages',
    title: 'What happens during a power outage',
    category: 'support',
    intro: `Lumora Home devices are designed to keep the most important things working when the power goes out, and to recover on their own when it comes back.`,
    sections: [
      { heading: 'Hub 2 and sensors', body: `Hub 2 has a backup battery that keeps it, your sensors and local automations running for up to 4 hours. Leak Sensor and Motion Sensor alarms sound locally during that time.` },
      { heading: 'Cameras and the doorbell', body: `Battery cameras and the Video Doorbell keep recording as long as your router has power; a router on a small UPS helps a lot. Cam Indoor has no battery and switches off until the power returns.` },
      { heading: 'Smart Lock', body: `The Smart Lock runs on AA batteries, so the keypad and your keys work normally during a power cut.` },
      { heading: 'Thermostat and Smart Plug after the power returns', body: `The thermostat restarts and resumes your schedule within 2 minutes. Smart Plug returns to the state it was in before the outage by default; you can change this under Power-on behavior in the plug's settings to always on or always off.` },
    ],
  }),
  buildDoc({
    id: 'kb-regional-availability',
    title: 'Regional availability and prices',
    category: 'support',
    intro: `Lumora Home sells devices in eight countries. Most products are available everywhere, but a few are built for North America only.`,
    sections: [
      { heading: 'Products and services by region', body: bullets(['Thermostat, Smart Lock and Hub 2 LTE: United States and Canada only', 'Protect Pro professional monitoring: United States and Canada only', 'Professional installation: selected US metro areas only', 'Klarna installments: US, UK and Germany', 'All other devices and Protect plans: all eight countries']) },
      { heading: 'Prices in the UK, EU and Australia', body: `${bullets(['Cam Outdoor: £139, €159, A$229', 'Video Doorbell: £169, €189, A$279', 'Hub 2: £119, €129, A$199', 'Protect Plus: £10.99, €11.99 or A$17.99 a month'])}\n\nPrices include VAT or GST.` },
      { heading: 'Using devices abroad', body: `Devices work in any country with an internet connection, but warranty service is provided in the country where you bought the device. Holiday homes in another country can be added as a second home in the app.` },
    ],
  }),
];

const contact = factsFor('kb-contact-support');
const status = factsFor('kb-service-status');
const moving = factsFor('kb-moving-and-selling-devices');
const power = factsFor('kb-power-outages');
const region = factsFor('kb-regional-availability');

export const SUPPORT_FACTS: QaFact[] = [
  contact('Phone', { id: 'support.phone-hours', key: SP.phoneUs, q: ['What is your phone number?', 'Can I call someone? What are your phone hours?', 'Is phone support open on Sunday?', 'i want to talk to a human on the phone'], a: `In the US and Canada call ${SP.phoneUs}, ${SP.phoneWeekdays}, and ${SP.phoneWeekends}. In the UK and Ireland call ${SP.phoneUk}, Monday to Saturday.`, c: 'Phone support is open 24/7 on 1-800-555-0100, including holidays.' }),
  contact('Email', { id: 'support.email', key: SP.emailResponse, q: ['How long does it take to get an email reply?', 'What is your support email address?'], a: `Email ${SP.email} with your order or serial number, and we reply within ${SP.emailResponse}.`, c: 'We reply to emails within 5 to 7 business days.' }),
  contact('Chat', { id: 'support.agent-hours', key: SP.agentChatHours, q: ['Can I talk to a real person in chat?', 'When are human agents available?', 'get me a human agent'], a: `Yes. Chat is open 24/7, and human agents are available ${SP.agentChatHours}. Just ask for an agent at any point.`, c: 'Chat is automated only; human agents are available by phone.' }),
  contact('Priority support for Plus and Pro', { id: 'support.priority', key: SP.priorityCallback, q: ['Do Plus customers get faster support?', 'Can I request a callback?'], a: `Yes. Protect Plus and Pro customers can request a priority callback in the app, and during phone hours an agent calls back within ${SP.priorityCallback}.`, c: 'Callbacks are not offered; all customers wait in the same phone queue.' }),
  contact('Phone', { id: 'support.phone-australia', key: 'do not offer phone support', q: ['Is there a phone number for Australia?', 'Can I call support from Germany?'], a: 'We do not offer phone support in Germany, France, the Netherlands or Australia yet, so please use chat (open 24/7) or email.', c: 'Yes, there are local phone numbers for Germany, France, the Netherlands and Australia.' }),
  status('Checking service status', { id: 'status.page', key: SP.statusPage, q: ['Is Lumora down right now?', 'None of my cameras load. Is there an outage?', 'where can i check service status'], a: `You can see the current status of live view, video history, notifications and the app at ${SP.statusPage}, and subscribe there for incident updates.`, c: 'We do not publish service status; please call support to ask about outages.' }),
  status('What keeps working during an outage', { id: 'status.local', key: 'Local automations', q: ['What still works if your cloud goes down?', 'Will my lock work if your servers are down?'], a: 'Local automations on Hub 2, the Smart Lock keypad and keys, microSD recording on Cam Outdoor, Smart Plug schedules and sensor sirens keep working during a cloud outage.', c: 'Nothing works during a cloud outage, including the Smart Lock keypad.' }),
  status('Service targets and credits', { id: 'status.credit', key: '7 days', q: ['Do I get compensated for the outage last week?', 'Will I get a refund for the time cloud recording was down?'], a: `Consumer plans do not include service credits, but if an outage stops cloud recording for more than 24 hours in a row, we add 7 days to every affected Protect subscription automatically.`, c: 'Every outage, however short, is refunded at 10% of your monthly fee.' }),
  moving('Selling or giving away a device', { id: 'moving.sell', key: 'choose the device > Remove', q: ['What should I do before selling my camera?', 'I am giving my old doorbell to a friend. How do I prepare it?', 'selling my lumora stuff, anything i need to do?'], a: 'Remove it from your account first (Settings > Devices > choose the device > Remove), then factory reset it, and give the buyer your order number for warranty claims.', c: 'Just factory reset it; the device unlinks from your account automatically.' }),
  moving('Buying a used device', { id: 'moving.used', key: "linked to someone else's account", q: ['I bought a used camera and it says it belongs to another account', 'Can I add a second-hand doorbell to my account?'], a: "A device that is still linked to someone else's account cannot be added to yours, so ask the seller to remove it. If that is not possible, contact support with proof of purchase and we can release it.", c: 'Factory resetting the camera removes the old owner, so you can add it right away.' }),
  moving('Moving to a new home', { id: 'moving.new-home', key: 'Add home', q: ['We are moving. How do I move my devices to the new house?', 'Does my subscription move with me?'], a: 'Add your new address under Settings > Homes > Add home, then move each device to it once installed. Your plan moves with you.', c: 'You need to delete your account and start a new plan at the new address.' }),
  power('Cameras and the doorbell', { id: 'power.cam-indoor', key: 'Cam Indoor has no battery', q: ['Do the cameras record when the power is out?', 'Will my indoor camera work in a blackout?'], a: 'Battery cameras and the Video Doorbell keep recording as long as your router has power. Cam Indoor has no battery and switches off until the power returns.', c: 'All cameras, including Cam Indoor, have a backup battery that lasts 8 hours.' }),
  power('Thermostat and Smart Plug after the power returns', { id: 'power.plug', key: 'Power-on behavior', q: ['After a power cut my smart plug turned back on by itself. Can I change that?', 'What does the plug do when the power comes back?'], a: "By default Smart Plug returns to the state it was in before the outage. You can change this under Power-on behavior in the plug's settings to always on or always off.", c: 'Smart Plug always stays off after a power cut, and this cannot be changed.' }),
  region('Prices in the UK, EU and Australia', { id: 'region.uk-prices', key: '£139', q: ['How much is the Cam Outdoor in the UK?', 'What do your cameras cost in pounds?', 'price in GBP for outdoor camera'], a: 'In the UK the Cam Outdoor costs £139, including VAT.', c: 'In the UK the Cam Outdoor costs £159, plus VAT.' }),
  region('Using devices abroad', { id: 'region.abroad', key: 'country where you bought', q: ['I bought my doorbell in the US but live in Germany. Will it work?', 'Is my warranty valid if I move abroad?'], a: 'Devices work in any country with an internet connection, but warranty service is provided in the country where you bought the device.', c: 'Warranty service is available in every country, wherever you bought the device.' }),
];
