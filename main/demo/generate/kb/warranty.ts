import { DISCOUNTS as D, SERVICES as SV, WARRANTY as W } from './facts';
import { buildDoc, bullets, factsFor, steps, type KbDoc, type QaFact } from './types';

/** Warranty, Care+, claims, installation, recycling and energy rebates. */
export const WARRANTY_DOCS: KbDoc[] = [
  buildDoc({
    id: 'kb-limited-warranty',
    title: 'Lumora Home limited warranty',
    category: 'warranty',
    intro: `Every Lumora Home device comes with a limited warranty against defects in materials and workmanship. The warranty starts on the date of delivery and does not affect your rights under local consumer law.`,
    sections: [
      { heading: 'Coverage periods', body: `${bullets(['2 years: Hub 2, Thermostat, Cam Outdoor, Video Doorbell and Smart Lock', '1 year: Cam Indoor, Smart Plug, Motion Sensor, Leak Sensor and accessories', `${W.refurbishedYears} year: certified refurbished devices`])}\n\nIn the UK and the EU, every device is covered for at least ${W.euMinimumYears} years.` },
      { heading: 'What is covered', body: `The warranty covers defects in materials and workmanship under normal use. Rechargeable batteries are covered if they hold less than 70% of their original capacity within the warranty period. Covered devices are repaired or replaced with a new or equivalent device, at our choice.` },
      { heading: 'What is not covered', body: bullets(['Accidental damage, such as drops, cracked housings or liquid spills (see Lumora Care+)', "Water damage beyond the device's rating", 'Normal wear, scratches and cosmetic damage', 'Damage from repairs or modifications by anyone other than Lumora Home', 'Devices bought from unauthorized sellers', 'Consumable batteries such as AA, CR2450 and CR123A cells']) },
      { heading: 'Extended warranty with Protect Plus and Pro', body: `While you have an active Protect Plus or Protect Pro subscription, the limited warranty on all your Lumora devices is extended for as long as you stay subscribed. If you cancel, the remaining standard warranty, if any, still applies.` },
      { heading: 'Transferring the warranty', body: `The limited warranty stays with the device if you sell it or give it away. The new owner needs the original proof of purchase or the order number to make a claim.` },
    ],
  }),
  buildDoc({
    id: 'kb-care-plus',
    title: 'Lumora Care+ accidental damage protection',
    category: 'warranty',
    intro: `Lumora Care+ adds accidental damage protection on top of the limited warranty, so a dropped camera or a doorbell hit by a ball is covered too.`,
    sections: [
      { heading: 'Price and eligibility', body: `Care+ costs ${W.carePlusPrice} per device and covers it for ${W.carePlusYears} years from the date you buy Care+. You must add it within ${W.carePlusBuyWithinDays} days of buying the device. Eligible devices are Hub 2, Thermostat, Cam Indoor, Cam Outdoor, Video Doorbell and Smart Lock.` },
      { heading: 'What Care+ covers', body: `Care+ covers accidental damage such as drops, cracks, liquid spills and power surges, for up to ${W.carePlusClaims} claims in any 12 months. Each accepted claim has a service fee of ${W.carePlusFee}, and we ship a replacement device as soon as the claim is approved.` },
      { heading: 'What Care+ does not cover', body: `Care+ does not cover loss or theft, intentional damage, cosmetic damage that does not affect how the device works, or devices that have been taken apart. Care+ cannot be transferred to a new owner.` },
      { heading: 'Cancelling Care+', body: `Cancel within 30 days of buying Care+ for a full refund, as long as you have not made a claim. After 30 days, you get a prorated refund for the months left, minus the cost of any claims we paid.` },
    ],
  }),
  buildDoc({
    id: 'kb-warranty-claims',
    title: 'Making a warranty claim',
    category: 'warranty',
    intro: `If a device stops working and troubleshooting does not fix it, you can make a warranty claim online in a few minutes. Most claims are approved the same day.`,
    sections: [
      { heading: 'Before you claim', body: `Please try the troubleshooting guide for your device first, including a restart and, if support suggests it, a factory reset. Many problems are caused by Wi-Fi changes and are fixed in minutes.` },
      { heading: 'Starting a claim', body: steps(['In the app, open Settings > Support > Warranty claim, or start a chat on lumorahome.com.', 'Choose the device; its serial number fills in automatically.', 'Describe the problem and add a photo or short video if you can.', 'If you bought the device from another retailer, upload the proof of purchase.']) },
      { heading: 'Replacement and return of the faulty device', body: `Once the claim is approved, we ship a replacement within ${W.claimShipDays}. Send the faulty device back within 30 days using the prepaid label in the box; if it does not reach us, we charge the device's current price. The replacement is covered for the rest of the original warranty or 90 days, whichever is longer.` },
      { heading: 'Advance replacement', body: `Every customer gets an advance replacement: we ship the new device before you return the old one. For customers without Protect Plus or Pro, we place a temporary authorization hold for the device price on your card, which is released when the faulty device arrives. Protect Plus and Pro members do not need a hold.` },
    ],
  }),
  buildDoc({
    id: 'kb-professional-installation',
    title: 'Professional installation',
    category: 'warranty',
    intro: `Prefer not to pick up a screwdriver? Our installation partner ${SV.installPartner} can install your thermostat, doorbell or smart lock. Installers are licensed, insured and trained on Lumora products.`,
    sections: [
      { heading: 'Installation prices', body: `${bullets([`Thermostat: ${SV.installThermostat}`, `Video Doorbell: ${SV.installDoorbell}`, `Smart Lock: ${SV.installLock}`, 'Each additional device in the same visit: $50'])}\n\nPrices include standard mounting and setup in the app. Running new wires, a new transformer or drilling through masonry costs extra, and the installer confirms the price before starting.` },
      { heading: 'Where installation is available', body: `Installation is available in ${SV.installMetros} metro areas in the United States. Enter your ZIP code on the product page to check. It is not currently available in Canada or outside North America.` },
      { heading: 'Booking, rescheduling and cancelling', body: `Book at least ${SV.installNoticeDays} days ahead, at checkout or later from Orders. You can reschedule or cancel for free up to ${SV.installCancelHours} hours before the appointment; later cancellations or missed appointments cost $40.` },
      { heading: 'Workmanship guarantee', body: `${SV.installPartner} guarantees its workmanship for 1 year. If a problem is caused by the installation, contact us and we arrange a free return visit.` },
    ],
  }),
  buildDoc({
    id: 'kb-recycling-and-trade-in',
    title: 'Recycling and trade-in',
    category: 'warranty',
    intro: `Old electronics should not end up in a landfill. We recycle smart-home devices for free, whatever the brand, and give you money off when you trade in an old camera or doorbell.`,
    sections: [
      { heading: 'Free recycling', body: `Request a prepaid recycling label at lumorahome.com/recycle for up to ${D.recyclePerYear} devices per household per year. We accept cameras, doorbells, hubs, thermostats, sensors and plugs from any brand. Our recycling partner wipes all storage and recovers metals and plastics.` },
      { heading: 'Trade-in offer', body: `Trade in an old camera or video doorbell from any brand and get ${D.tradeIn} off a new Lumora camera or doorbell. The code is emailed when your old device is scanned at the drop-off point, and it is valid for 60 days. One trade-in code per new device.` },
      { heading: 'Preparing a device for recycling', body: `Remove the device from its app and factory reset it if you can. Take out removable batteries and recycle them separately at a battery drop-off, because loose lithium cells cannot travel with the device. Remove microSD cards; we cannot return them.` },
    ],
  }),
  buildDoc({
    id: 'kb-energy-rebates',
    title: 'Energy savings and utility rebates',
    category: 'warranty',
    intro: `The Lumora Thermostat is ENERGY STAR certified. Many utilities in the US and Canada give rebates for it, and its energy reports help you see where your money goes.`,
    sections: [
      { heading: 'How much can I save?', body: `In our 2025 analysis of thermostat customers, schedules and Eco mode saved on average ${SV.heatingSavings} on heating and ${SV.coolingSavings} on cooling. Your savings depend on your climate, home and habits.` },
      { heading: 'Utility rebates', body: `Participating utilities in the US and Canada offer rebates of up to ${SV.rebateUpTo} on the Lumora Thermostat. Check what you qualify for with the rebate finder at lumorahome.com/rebates or in the app. Some rebates are applied instantly at checkout; others you claim from your utility with your invoice.` },
      { heading: 'Energy reports', body: `Every month the app and an optional email show how long your system ran, how that compares with the month before, and tips to save more. Energy history is kept for 24 months.` },
      { heading: 'Demand response programs', body: `Some utilities pay you to let them adjust your thermostat slightly during peak demand. Enrolment is optional, and you can opt out of any event by changing the temperature yourself.` },
    ],
  }),
];

const warranty = factsFor('kb-limited-warranty');
const care = factsFor('kb-care-plus');
const claims = factsFor('kb-warranty-claims');
const install = factsFor('kb-professional-installation');
const recycle = factsFor('kb-recycling-and-trade-in');
const energy = factsFor('kb-energy-rebates');

export const WARRANTY_FACTS: QaFact[] = [
  warranty('What is not covered', { id: 'warranty.accidental', key: 'Accidental damage', q: ['Does the warranty cover accidental damage?', 'I dropped my doorbell and the screen cracked. Is that covered?', 'is water damage covered under warranty'], a: "Accidental damage, such as drops, cracked housings or liquid spills, is not covered by the limited warranty, and neither is water damage beyond the device's rating. Lumora Care+ covers accidental damage.", c: 'Yes, the limited warranty covers accidental damage such as drops and cracked housings.' }),
  warranty('Coverage periods', { id: 'warranty.refurbished', key: `${W.refurbishedYears} year`, q: ['What warranty do refurbished devices have?', 'Is a refurbished camera covered like a new one?'], a: `Certified refurbished devices are covered for ${W.refurbishedYears} year (at least ${W.euMinimumYears} years in the UK and the EU).`, c: 'Refurbished devices are sold as-is with a 30-day warranty.' }),
  warranty('What is covered', { id: 'warranty.battery', key: '70%', q: ['Is battery degradation covered by warranty?', 'My Cam Outdoor battery barely lasts a week after a year. Is that a warranty issue?'], a: 'Rechargeable batteries are covered if they hold less than 70% of their original capacity within the warranty period, so please start a warranty claim.', c: 'Batteries are consumables and are never covered by the warranty.' }),
  warranty('Extended warranty with Protect Plus and Pro', { id: 'warranty.extended', key: 'extended for as long as you stay subscribed', q: ['Can I extend my warranty?', 'My camera is 3 years old but I have Protect Plus. Is it still under warranty?'], a: 'Yes. While you have an active Protect Plus or Pro subscription, the limited warranty on all your Lumora devices is extended for as long as you stay subscribed.', c: 'The warranty cannot be extended; once the standard period ends you need to buy Care+.' }),
  warranty('Transferring the warranty', { id: 'warranty.transfer', key: 'stays with the device', q: ['I bought a used doorbell. Does the warranty transfer to me?', 'If I sell my camera, is the warranty still valid for the buyer?'], a: 'Yes, the limited warranty stays with the device when it is sold or given away. The new owner needs the original proof of purchase or order number to make a claim.', c: 'No, the warranty only covers the original buyer and ends when the device is sold.' }),
  warranty('What is not covered', { id: 'warranty.unauthorized-seller', key: 'unauthorized sellers', q: ['I bought my camera on eBay. Is the warranty valid?', 'Are marketplace purchases covered by warranty?'], a: 'Devices bought from unauthorized sellers are not covered by the limited warranty, so it depends on whether the seller was an authorized retailer.', c: 'Every Lumora device is covered by the warranty no matter where it was bought.' }),
  care('Price and eligibility', { id: 'care.price', key: W.carePlusPrice, q: ['How much is Care+?', 'Can I still buy accidental damage protection for a camera I bought last month?', 'is care plus worth it, what does it cost'], a: `Care+ costs ${W.carePlusPrice} per device for ${W.carePlusYears} years of cover, and you can add it within ${W.carePlusBuyWithinDays} days of buying the device.`, c: 'Care+ costs $149 per device, and it can only be bought together with the device.' }),
  care('What Care+ covers', { id: 'care.claims', key: W.carePlusFee, q: ['How many claims can I make with Care+?', 'Is there a deductible on Care+ claims?'], a: `Care+ covers up to ${W.carePlusClaims} accidental damage claims in any 12 months, and each accepted claim has a ${W.carePlusFee} service fee.`, c: 'Care+ covers unlimited claims with no service fee.' }),
  care('What Care+ does not cover', { id: 'care.theft', key: 'loss or theft', q: ['Does Care+ cover theft of my outdoor camera?', 'Someone stole my doorbell. Can I claim on Care+?'], a: 'Unfortunately Care+ does not cover loss or theft. It covers accidental damage only.', c: 'Yes, Care+ covers theft once you provide a police report.' }),
  care('Cancelling Care+', { id: 'care.cancel', key: 'prorated refund', q: ['Can I cancel Care+ and get a refund?', 'How do I cancel Care+?'], a: 'Cancel within 30 days for a full refund if you have not made a claim. After 30 days you get a prorated refund for the months left, minus any claims we paid.', c: 'Care+ is non-refundable once purchased.' }),
  claims('Starting a claim', { id: 'claims.start', key: 'Warranty claim', q: ['How do I make a warranty claim?', 'My motion sensor is dead. How do I get it replaced under warranty?', 'warranty replacement process?'], a: 'In the app, open Settings > Support > Warranty claim (or start a chat on lumorahome.com), choose the device, describe the problem and add a photo or video. If you bought it elsewhere, upload the proof of purchase.', c: 'To claim, mail the device to our repair center with a printed form; claims cannot be made online.' }),
  claims('Replacement and return of the faulty device', { id: 'claims.shipping', key: W.claimShipDays, q: ['How long does a warranty replacement take?', 'Do I have to send the broken camera back?'], a: `Once the claim is approved, we ship a replacement within ${W.claimShipDays}. Please send the faulty device back within 30 days with the prepaid label, or we charge the device's current price.`, c: 'Replacements ship 2 to 3 weeks after we receive and test your faulty device.' }),
  claims('Advance replacement', { id: 'claims.hold', key: 'authorization hold', q: ['Why is there a hold on my card for my warranty replacement?', 'Do you send the replacement before I return the old one?'], a: 'Yes, everyone gets an advance replacement. Without Protect Plus or Pro we place a temporary authorization hold for the device price on your card, released when the faulty device arrives.', c: 'We only ship a replacement after the faulty device arrives, and we never place a hold on your card.' }),
  install('Installation prices', { id: 'install.price', key: SV.installThermostat, q: ['How much do you charge to install the thermostat?', 'Can someone install my doorbell for me?', 'installation cost for smart lock?'], a: `Installation by ${SV.installPartner} costs ${SV.installThermostat} for the Thermostat, ${SV.installDoorbell} for the Video Doorbell and ${SV.installLock} for the Smart Lock, plus $50 for each additional device in the same visit.`, c: 'Installation is free with every device.' }),
  install('Where installation is available', { id: 'install.areas', key: `${SV.installMetros} metro areas`, q: ['Do you offer installation in Canada?', 'Is installation available in my area?'], a: `Installation is available in ${SV.installMetros} metro areas in the United States; enter your ZIP code on the product page to check. It is not currently available in Canada or outside North America.`, c: 'Installation is available everywhere in the US and Canada.' }),
  install('Booking, rescheduling and cancelling', { id: 'install.cancel', key: `${SV.installCancelHours} hours`, q: ['Can I reschedule my installation appointment?', 'Is there a fee to cancel the installer?'], a: `You can reschedule or cancel for free up to ${SV.installCancelHours} hours before the appointment; later cancellations or missed appointments cost $40.`, c: 'Installation appointments cannot be rescheduled, and cancellations are not refunded.' }),
  recycle('Free recycling', { id: 'recycling.free', key: `${D.recyclePerYear} devices`, q: ['Do you recycle old devices?', 'Can I send you my old Nest camera for recycling?'], a: `Yes, for free and from any brand. Request a prepaid label at lumorahome.com/recycle for up to ${D.recyclePerYear} devices per household per year.`, c: 'We only recycle Lumora devices, and recycling costs $10 per device.' }),
  recycle('Trade-in offer', { id: 'recycling.trade-in', key: D.tradeIn, q: ['Is there a trade-in program?', 'Can I trade in my old Ring doorbell for a discount?'], a: `Yes. Trade in an old camera or video doorbell from any brand and get ${D.tradeIn} off a new Lumora camera or doorbell. The code is valid for 60 days.`, c: 'Trade-ins are only accepted for older Lumora devices, for a flat $15 credit.' }),
  energy('Utility rebates', { id: 'energy.rebate', key: SV.rebateUpTo, q: ['Are there rebates for the Lumora Thermostat?', 'Does my utility give money back for a smart thermostat?'], a: `Participating utilities in the US and Canada offer rebates of up to ${SV.rebateUpTo}. Check the rebate finder at lumorahome.com/rebates or in the app.`, c: 'There are no utility rebates for the Lumora Thermostat.' }),
  energy('How much can I save?', { id: 'energy.savings', key: SV.heatingSavings, q: ['How much will the thermostat save me on heating?', 'Does the smart thermostat really save energy?'], a: `In our 2025 analysis, schedules and Eco mode saved thermostat customers on average ${SV.heatingSavings} on heating and ${SV.coolingSavings} on cooling. Actual savings depend on your climate, home and habits.`, c: 'The thermostat is guaranteed to cut your energy bill in half.' }),
  energy('Demand response programs', { id: 'energy.demand-response', key: 'opt out of any event', q: ['My utility changed my thermostat temperature. Can I stop that?', 'Can I leave the demand response program?'], a: 'Demand response enrolment is optional, and you can opt out of any event by changing the temperature yourself.', c: 'Once enrolled in demand response you cannot override the utility until the program year ends.' }),
];
