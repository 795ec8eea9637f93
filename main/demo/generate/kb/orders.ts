import { DISCOUNTS as D, PAYMENTS as PAY, PRICE_MATCH as PM, RETURNS as R, SHIPPING as S } from './facts';
import { buildDoc, bullets, factsFor, steps, type KbDoc, type QaFact } from './types';

/** Buying from the Lumora store: returns, shipping, order changes, payments, gift cards and discounts. */
export const ORDER_DOCS: KbDoc[] = [
  buildDoc({
    id: 'kb-returns-policy',
    title: 'Returns and refunds',
    category: 'orders',
    intro: `If a Lumora Home product is not right for you, you can return it for a full refund. This policy applies to products bought on lumorahome.com; products bought from other retailers follow that retailer's policy.`,
    sections: [
      { heading: 'Return window', body: `You have ${R.windowDays} days from the date of delivery to return a product for any reason. Products bought between ${R.holidayStart} and ${R.holidayEnd} can be returned until ${R.holidayReturnBy} of the following year.` },
      { heading: 'Condition of returned items', body: `Opened products are fine to return. Please include all accessories and, where possible, the original packaging. There is no restocking fee for complete returns, but items returned without their original accessories may be charged a restocking fee of ${R.restockingFee}.` },
      { heading: 'Return shipping', body: `Returns are free in the United States, Canada, the UK, Ireland, Germany, France and the Netherlands: we email you a prepaid label. In Australia, returns of faulty items are free; for change-of-mind returns we deduct ${R.auLabelFee} from your refund for the label.` },
      { heading: 'How to start a return', body: steps(['Sign in at lumorahome.com and open Orders.', 'Choose the order and select Return items.', 'Pick a reason, then print the label or show the QR code at a drop-off point.', 'Remove the device from your Lumora app before you ship it, so the next owner can set it up.']) },
      { heading: 'Refund timing', body: `We refund your original payment method once the warehouse receives and checks your return, usually within 2 business days of arrival. Your bank then needs ${R.refundDays} to show the refund; PayPal refunds appear within ${R.paypalRefundDays}. Original shipping charges are refunded only if the item was faulty or we sent the wrong item.` },
      { heading: 'Products bought from other retailers', body: `Return products bought from other retailers to the retailer you bought them from, under its policy. We still handle warranty claims for those products if you have proof of purchase from an authorized retailer.` },
    ],
  }),
  buildDoc({
    id: 'kb-shipping-and-delivery',
    title: 'Shipping and delivery',
    category: 'orders',
    intro: `We ship Lumora Home products from warehouses in Nevada, Ontario, the Netherlands, the UK and New South Wales. Delivery times below are from dispatch, not from the time you order.`,
    sections: [
      { heading: 'Where we ship', body: `We ship to ${S.countries.slice(0, -1).join(', ')} and ${S.countries[S.countries.length - 1]}. We cannot ship express orders to PO boxes, and we do not ship to freight forwarders.` },
      { heading: 'Delivery options and costs in the US', body: bullets([`Standard: ${S.standardDays}, free on orders over ${S.freeOver}, otherwise ${S.standardFee}`, `Express: ${S.expressDays} for ${S.expressFee}`, 'Installation bookings are scheduled separately after delivery']) },
      { heading: 'Dispatch times', body: `Orders placed before ${S.cutoff} on a business day (Monday to Friday) ship the same day. Orders placed later, or at weekends and on public holidays, ship the next business day.` },
      { heading: 'International delivery', body: `Standard delivery outside the US takes ${S.internationalDays}. Prices in the UK, EU and Australian stores include duties and taxes, so there is nothing extra to pay when your parcel arrives. Free shipping thresholds are shown in each local store.` },
      { heading: 'Carriers and tracking', body: `We ship with ${S.carriersUs} in the US, ${S.carriersUk} in the UK, ${S.carriersEu} in Europe and ${S.carriersAu} in Australia. You get a tracking email within 24 hours of dispatch, and the tracking link is also in Orders on lumorahome.com.` },
    ],
  }),
  buildDoc({
    id: 'kb-changing-or-cancelling-an-order',
    title: 'Changing or cancelling an order',
    category: 'orders',
    intro: `Orders move to our warehouse quickly, so changes are only possible for a short time after you place them. After that, you can still return anything you do not want.`,
    sections: [
      { heading: 'Cancelling an order', body: `You can cancel an order within ${R.cancelWindowMinutes} minutes of placing it: open Orders on lumorahome.com and choose Cancel order. After ${R.cancelWindowMinutes} minutes the order is in the warehouse queue and cannot be cancelled; return it once it arrives, or refuse the delivery, and we will refund you when it comes back to us.` },
      { heading: 'Changing the shipping address', body: `You can change the shipping address within ${R.cancelWindowMinutes} minutes of ordering. After that we cannot change it, but once the parcel has shipped you can ask the carrier to redirect it with the tracking link.` },
      { heading: 'Adding items to an order', body: `Items cannot be added to an order that has been placed; please place a new order. Free shipping is calculated per order, so a small second order may have a shipping charge.` },
      { heading: 'Pre-orders', body: `For pre-orders we only charge your card when the item ships. You can cancel a pre-order at any time before it ships, from Orders, with no fee.` },
    ],
  }),
  buildDoc({
    id: 'kb-damaged-or-missing-deliveries',
    title: 'Damaged, missing or lost deliveries',
    category: 'orders',
    intro: `Most parcels arrive safely, but if something goes wrong we will put it right. Please tell us quickly, because carriers only accept claims for a limited time.`,
    sections: [
      { heading: 'Damaged in transit', body: `If your order arrives damaged, report it within ${R.damageReportDays} days of delivery in chat or from Orders > Report a problem, with photos of the box and the product. We send a replacement at no cost, usually within 2 business days, and email you a prepaid label for the damaged item.` },
      { heading: 'Missing items', body: `If an item is missing from your parcel, check the packing slip first: large orders sometimes ship in more than one box. If the slip lists the item and it is not there, report it within ${R.damageReportDays} days of delivery.` },
      { heading: 'Package marked as delivered but not received', body: `Carriers sometimes mark a parcel as delivered shortly before it arrives. Wait ${R.lostPackageWaitHours} hours, and check with neighbors and any safe place you specified. If it still has not turned up, contact us: we open an investigation with the carrier and reship your order or refund you within ${R.reshipDays}.` },
      { heading: 'Wrong item received', body: `If we sent the wrong item, we send the right one at no cost and email you a prepaid label for the wrong one. You do not need to wait for the wrong item to reach us.` },
    ],
  }),
  buildDoc({
    id: 'kb-price-match',
    title: 'Price match guarantee',
    category: 'orders',
    intro: `We want you to pay the best price for Lumora Home products. Our price match guarantee covers price drops in our own store and lower prices at major authorized retailers.`,
    sections: [
      { heading: 'How it works', body: `If the price of a product you bought from us drops on lumorahome.com within ${PM.days} days of delivery, we refund the difference. We also match a lower advertised price from these authorized retailers within the same ${PM.days} days: ${PM.retailers}.` },
      { heading: 'What is excluded', body: bullets(['Marketplace or third-party sellers, including on Amazon', 'Open-box, refurbished and clearance items', 'Bundle prices, coupon codes and trade-in credits', 'Limited-quantity deals such as lightning deals', 'Prices that require a membership or subscription']) },
      { heading: 'How to request a price match', body: `Start a chat with a link to the lower price and your order number. We check the price, and if it qualifies we refund the difference to your original payment method within 5 business days. We match each product once.` },
    ],
  }),
  buildDoc({
    id: 'kb-payment-methods',
    title: 'Payment methods and taxes',
    category: 'orders',
    intro: `You can pay for Lumora Home products with major cards, digital wallets, Klarna installments in some countries, and Lumora gift cards.`,
    sections: [
      { heading: 'Accepted payment methods', body: `We accept ${PAY.cards} (Discover in the US only), as well as ${PAY.wallets}. We do not accept cash on delivery, checks or cryptocurrency. Protect subscriptions can be paid by card or PayPal.` },
      { heading: 'Paying in installments with Klarna', body: `In ${PAY.klarnaCountries}, you can split orders between ${PAY.klarnaMin} and ${PAY.klarnaMax} into 4 interest-free payments, one every 2 weeks. Klarna runs a soft credit check that does not affect your credit score, and approval is up to Klarna. Klarna cannot be used for subscriptions.` },
      { heading: 'When you are charged', body: `When you order, we place an authorization hold for the order total. Your card is only charged when the order ships; if it ships in several parcels, each one is charged separately. Holds for cancelled orders drop off within 3 to 5 business days, depending on your bank.` },
      { heading: 'Taxes, VAT and invoices', body: `Prices in the US store do not include sales tax, which is added at checkout. Prices in the UK, EU and Australian stores include VAT or GST. You can download an invoice for every order, including a VAT invoice with your company details, from Orders on lumorahome.com.` },
    ],
  }),
  buildDoc({
    id: 'kb-gift-cards',
    title: 'Lumora gift cards',
    category: 'orders',
    intro: `Lumora gift cards are digital cards delivered by email. They are a good way to give someone a first camera or a smart lock.`,
    sections: [
      { heading: 'Buying a gift card', body: `Gift cards are available in amounts from ${PAY.giftCardMin} to ${PAY.giftCardMax}. You can send one right away or schedule it for a date up to 12 months ahead, with a personal message.` },
      { heading: 'Using a gift card', body: `Gift cards can be used in the US online store for devices and accessories. They cannot be used to pay for Protect subscriptions or installation. You can combine up to 3 gift cards on one order, plus a card payment for any remaining balance.` },
      { heading: 'Expiry, fees and balance', body: `Lumora gift cards never expire and have no fees. Check your balance at lumorahome.com/giftcards with the card number and PIN.` },
      { heading: 'Lost gift cards and refunds', body: `If you lose a gift card email, we can resend it to the recipient when you give us the order number of the purchase. If you return something paid for with a gift card, the refund goes back as store credit.` },
    ],
  }),
  buildDoc({
    id: 'kb-discounts-and-promotions',
    title: 'Discounts and promotions',
    category: 'orders',
    intro: `We offer a few standing discounts in addition to seasonal sales. Here is who qualifies and how to use them.`,
    sections: [
      { heading: 'Student discount', body: `Students at accredited colleges and universities get ${D.student} off devices after verifying their status through our verification partner. The discount can be used on up to 2 orders a year.` },
      { heading: 'Military and first responders', body: `Active-duty military, veterans, police officers, firefighters, EMTs and nurses in the US and Canada get ${D.military} off devices after verification.` },
      { heading: 'Newsletter sign-up', body: `Sign up for our newsletter to get ${D.newsletter} off your first order. The code arrives by email and is valid for 30 days.` },
      { heading: 'Seasonal sales', body: `We hold seasonal sales in spring, in July and around Black Friday. This year's Black Friday sale runs from November 20 to November 30, 2026, with up to 35% off cameras and doorbells. Sale prices are covered by our price match guarantee if the price drops further within 14 days of delivery.` },
      { heading: 'Combining discounts', body: `Discounts cannot be combined with each other or with sale prices: at checkout the largest single discount is applied. Discount codes do not apply to Protect subscriptions, gift cards or installation services.` },
    ],
  }),
];

const returns = factsFor('kb-returns-policy');
const ship = factsFor('kb-shipping-and-delivery');
const order = factsFor('kb-changing-or-cancelling-an-order');
const damaged = factsFor('kb-damaged-or-missing-deliveries');
const match = factsFor('kb-price-match');
const pay = factsFor('kb-payment-methods');
const gift = factsFor('kb-gift-cards');
const promo = factsFor('kb-discounts-and-promotions');

export const ORDER_FACTS: QaFact[] = [
  returns('Return window', { id: 'returns.window', key: `${R.windowDays} days`, q: ["What's your return policy?", 'How long do I have to return a camera I bought on your site?', 'Can I still return my doorbell? It was delivered 3 weeks ago.', 'return window?', 'I changed my mind about the smart lock, can I send it back'], a: `You have ${R.windowDays} days from the date of delivery to return a product for any reason, for a full refund.`, c: 'You have 14 days from the date of purchase to return a product, and only if it is unopened.' }),
  returns('Return window', { id: 'returns.holiday', key: R.holidayReturnBy, q: ['If I buy a camera as a Christmas gift now, can it be returned in January?', 'Do you have extended holiday returns?', 'holiday return policy this year?'], a: `Yes. Products bought between ${R.holidayStart} and ${R.holidayEnd} can be returned until ${R.holidayReturnBy} of the following year.`, c: 'There are no extended holiday returns; the normal 14-day window applies to gifts.' }),
  returns('Condition of returned items', { id: 'returns.restocking', key: R.restockingFee, q: ['Is there a restocking fee?', 'I opened the box and tried the camera. Can I still return it?', 'I lost the power adapter. Can I still return the camera?'], a: `Opened products are fine to return and there is no restocking fee for complete returns. Items returned without their original accessories may be charged a restocking fee of ${R.restockingFee}.`, c: 'Opened products always carry a 25% restocking fee, even when all accessories are included.' }),
  returns('Return shipping', { id: 'returns.shipping', key: 'prepaid label', q: ['Do I have to pay for return shipping?', 'Is return postage free in the UK?', 'Who pays to ship a return back to you?'], a: 'Returns are free in the United States, Canada, the UK, Ireland, Germany, France and the Netherlands: we email you a prepaid label.', c: 'Return shipping is paid by the customer in every country unless the item is faulty.' }),
  returns('Return shipping', { id: 'returns.australia', key: R.auLabelFee, q: ['Are returns free in Australia?', 'I am in Sydney and want to return a camera I do not need. Is there a cost?'], a: `In Australia, returns of faulty items are free. For change-of-mind returns we deduct ${R.auLabelFee} from your refund for the return label.`, c: 'Returns in Australia are always free, including change-of-mind returns.' }),
  returns('How to start a return', { id: 'returns.start', key: 'Return items', q: ['How do I start a return?', 'Where do I get a return label?', 'how do i send back my order'], a: 'Sign in at lumorahome.com, open Orders, choose the order and select Return items. Pick a reason, then print the label or show the QR code at a drop-off point. Please remove the device from your Lumora app before you ship it.', c: 'Returns can only be started by phoning support, who will post you a label within 10 days.' }),
  returns('Refund timing', { id: 'returns.refund-time', key: R.refundDays, q: ['When will I get my refund?', 'I sent my return last week. How long does the refund take?', 'Refund still not showing on my card, how long does it usually take?'], a: `We refund your original payment method once the warehouse receives and checks your return, usually within 2 business days of arrival. Your bank then needs ${R.refundDays} to show it; PayPal refunds appear within ${R.paypalRefundDays}.`, c: 'Refunds are issued as store credit within 30 days; they do not go back to your card.' }),
  returns('Products bought from other retailers', { id: 'returns.other-retailer', key: 'retailer you bought them from', q: ['I bought my doorbell at Best Buy. Can I return it to you?', 'Can I return something I bought on Amazon directly to Lumora?'], a: 'Products bought from other retailers need to be returned to the retailer you bought them from, under its policy. We still handle warranty claims for them with proof of purchase.', c: 'Yes, you can return products from any retailer directly to us within 30 days.' }),
  ship('Delivery options and costs in the US', { id: 'shipping.free', key: S.freeOver, q: ['Is shipping free?', 'How much is shipping to Texas?', 'whats the minimum for free shipping'], a: `Standard shipping in the US is free on orders over ${S.freeOver}; otherwise it costs ${S.standardFee} and takes ${S.standardDays}.`, c: 'Standard shipping is free on all orders with no minimum.' }),
  ship('Delivery options and costs in the US', { id: 'shipping.express', key: S.expressFee, q: ['Do you have express shipping?', 'I need the doorbell by Friday, can I pay for faster delivery?', 'How much is next day shipping?'], a: `Yes. Express delivery takes ${S.expressDays} and costs ${S.expressFee}.`, c: 'Express delivery costs $24.99 and guarantees next-day delivery everywhere in the US.' }),
  ship('Dispatch times', { id: 'shipping.cutoff', key: S.cutoff, q: ['If I order today, when will it ship?', 'What is the cutoff time for same-day dispatch?', 'Do you ship on weekends?'], a: `Orders placed before ${S.cutoff} on a business day ship the same day. Orders placed later, at weekends or on public holidays ship the next business day.`, c: 'All orders ship within 3 business days, and there is no same-day dispatch.' }),
  ship('Where we ship', { id: 'shipping.countries', key: 'Australia', q: ['Do you ship to Canada?', 'Which countries do you deliver to?', 'Can I order from Germany?', 'do u ship to australia'], a: `We ship to ${S.countries.slice(0, -1).join(', ')} and ${S.countries[S.countries.length - 1]}.`, c: 'We only ship within the United States and Canada.' }),
  ship('International delivery', { id: 'shipping.duties', key: 'duties and taxes', q: ['Will I have to pay customs fees if I order to the UK?', 'Are import duties included for EU orders?'], a: 'No. Prices in the UK, EU and Australian stores include duties and taxes, so there is nothing extra to pay on delivery.', c: 'Yes, customs duties and import VAT are collected by the carrier when the parcel arrives.' }),
  ship('Carriers and tracking', { id: 'shipping.tracking', key: '24 hours of dispatch', q: ['How do I track my order?', 'Which carrier do you use in the UK?', 'I have not received a tracking number yet'], a: `You get a tracking email within 24 hours of dispatch, and the link is also in Orders on lumorahome.com. We ship with ${S.carriersUs} in the US, ${S.carriersUk} in the UK, ${S.carriersEu} in Europe and ${S.carriersAu} in Australia.`, c: 'Tracking numbers are only sent once the parcel is out for delivery, and all orders ship with USPS.' }),
  order('Cancelling an order', { id: 'orders.cancel', key: `${R.cancelWindowMinutes} minutes`, q: ['Can I cancel my order?', 'I ordered the wrong camera 10 minutes ago. Can I cancel?', 'how to cancel an order i placed yesterday'], a: `You can cancel an order within ${R.cancelWindowMinutes} minutes of placing it, from Orders on lumorahome.com. After that it cannot be cancelled, but you can return it or refuse the delivery for a refund.`, c: 'Orders can be cancelled any time before delivery from Orders on lumorahome.com.' }),
  order('Changing the shipping address', { id: 'orders.address', key: 'redirect', q: ['I entered the wrong address. Can you change it?', 'Can I change the delivery address after ordering?'], a: `We can change the address within ${R.cancelWindowMinutes} minutes of ordering. After that we cannot change it, but once the parcel ships you can ask the carrier to redirect it using the tracking link.`, c: 'You can change the address in Orders until the parcel is delivered.' }),
  order('Pre-orders', { id: 'orders.preorder', key: 'when the item ships', q: ['When will I be charged for a pre-order?', 'Can I cancel a pre-order?'], a: 'We only charge your card when the item ships, and you can cancel a pre-order any time before it ships with no fee.', c: 'Pre-orders are charged in full when you place them and cannot be cancelled.' }),
  order('Adding items to an order', { id: 'orders.add-items', key: 'new order', q: ['Can I add another plug to my existing order?', 'I forgot to add the solar panel to my order. Can you add it?'], a: 'Items cannot be added to an order that has been placed, so please place a new order. Free shipping is calculated per order.', c: 'Yes, we can add items to your order until it ships and combine the shipping.' }),
  damaged('Damaged in transit', { id: 'delivery.damaged', key: `${R.damageReportDays} days`, q: ['My camera arrived broken. What do I do?', 'The box was crushed and the doorbell is cracked', 'item damaged in shipping, how do i get a replacement?'], a: `Please report it within ${R.damageReportDays} days of delivery in chat or from Orders > Report a problem, with photos of the box and the product. We send a replacement at no cost, usually within 2 business days.`, c: 'Damaged deliveries must be claimed with the carrier directly; we do not send replacements for shipping damage.' }),
  damaged('Package marked as delivered but not received', { id: 'delivery.lost', key: `${R.lostPackageWaitHours} hours`, q: ['Tracking says delivered but I do not have my package', 'My parcel is lost. Can you resend it?', "package shows delivered yesterday but it's not here"], a: `Carriers sometimes mark parcels delivered a little early, so please wait ${R.lostPackageWaitHours} hours and check with neighbors. If it still has not arrived, contact us and we will open a carrier investigation and reship or refund within ${R.reshipDays}.`, c: 'Once a parcel is marked as delivered we cannot help; you need to file a police report.' }),
  damaged('Wrong item received', { id: 'delivery.wrong-item', key: 'wrong one', q: ['You sent me the indoor camera instead of the outdoor one', 'I received the wrong product'], a: 'Sorry about that. We send the right item at no cost and email you a prepaid label for the wrong one; you do not need to wait for it to reach us.', c: 'Please return the item first; we send the correct one once it arrives and has been checked.' }),
  match('How it works', { id: 'price-match.window', key: `${PM.days} days`, q: ['Do you price match?', 'The doorbell went on sale a week after I bought it. Can I get the difference?', 'Best Buy has the Cam Outdoor cheaper, will you match it?'], a: `Yes. If the price drops on lumorahome.com within ${PM.days} days of delivery, we refund the difference, and we also match lower prices from ${PM.retailers} within the same ${PM.days} days.`, c: 'We match prices within 60 days, but only from our own store.' }),
  match('What is excluded', { id: 'price-match.exclusions', key: 'Marketplace', q: ['Will you match a price from a third-party seller on Amazon?', 'Does price match apply to open-box deals?'], a: 'No. Marketplace or third-party sellers, open-box, refurbished and clearance items, bundle prices, coupon codes and lightning deals are excluded from price matching.', c: 'Yes, we match any seller on Amazon, including open-box and refurbished listings.' }),
  pay('Accepted payment methods', { id: 'payments.methods', key: 'Apple Pay', q: ['What payment methods do you accept?', 'Can I pay with Apple Pay?', 'Do you take bitcoin?', 'can i pay by paypal'], a: `We accept ${PAY.cards}, as well as ${PAY.wallets}. We do not accept cash on delivery, checks or cryptocurrency.`, c: 'We accept Visa and Mastercard only; PayPal and digital wallets are not supported.' }),
  pay('Paying in installments with Klarna', { id: 'payments.klarna', key: 'Klarna', q: ['Can I pay in installments?', 'Do you offer financing for bigger orders?', 'Is Klarna available in Canada?'], a: `Yes, with Klarna in ${PAY.klarnaCountries}: orders between ${PAY.klarnaMin} and ${PAY.klarnaMax} can be split into 4 interest-free payments, one every 2 weeks.`, c: 'We offer 12-month financing at 9.9% APR in every country we ship to.' }),
  pay('When you are charged', { id: 'payments.charge-time', key: 'only charged when the order ships', q: ['When will my card be charged?', 'Why is there a pending charge on my card before my order shipped?'], a: 'When you order we place an authorization hold for the total; your card is only charged when the order ships, and each parcel is charged separately.', c: 'Your card is charged in full when you place the order, even for items that ship later.' }),
  pay('Taxes, VAT and invoices', { id: 'payments.invoice', key: 'VAT invoice', q: ['How do I get a VAT invoice for my company?', 'Where can I download an invoice?', 'Do your US prices include sales tax?'], a: 'You can download an invoice for every order, including a VAT invoice with your company details, from Orders on lumorahome.com. US prices do not include sales tax; UK, EU and Australian prices include VAT or GST.', c: 'Invoices are only available by emailing our accounts team, and invoices with company details are not issued for online orders.' }),
  gift('Using a gift card', { id: 'gift-cards.use', key: 'cannot be used to pay for Protect', q: ['Can I use a gift card to pay for my Protect subscription?', 'What can gift cards be used for?', 'can i use 2 gift cards on one order'], a: 'Gift cards can be used in the US online store for devices and accessories, and you can combine up to 3 on one order. They cannot be used to pay for Protect subscriptions or installation.', c: 'Gift cards can be used for devices and for Protect subscriptions, but only one card per order.' }),
  gift('Expiry, fees and balance', { id: 'gift-cards.expiry', key: 'never expire', q: ['Do your gift cards expire?', 'How do I check my gift card balance?'], a: 'Lumora gift cards never expire and have no fees. Check your balance at lumorahome.com/giftcards with the card number and PIN.', c: 'Gift cards expire 12 months after purchase.' }),
  gift('Buying a gift card', { id: 'gift-cards.amounts', key: PAY.giftCardMax, q: ['What amounts do gift cards come in?', 'Can I schedule a gift card for my dad for his birthday?'], a: `Gift cards come in amounts from ${PAY.giftCardMin} to ${PAY.giftCardMax}, and you can schedule delivery for a date up to 12 months ahead with a personal message.`, c: 'Gift cards come in fixed amounts of $50 and $100 and are sent immediately.' }),
  promo('Student discount', { id: 'discounts.student', key: D.student, q: ['Do you have a student discount?', "I'm a college student - any discount?"], a: `Yes. Students at accredited colleges and universities get ${D.student} off devices after verification, on up to 2 orders a year.`, c: 'We do not offer a student discount.' }),
  promo('Military and first responders', { id: 'discounts.military', key: 'veterans', q: ['Is there a military discount?', 'Do nurses get a discount?', 'first responder discount?'], a: `Yes. Active-duty military, veterans, police officers, firefighters, EMTs and nurses in the US and Canada get ${D.military} off devices after verification.`, c: 'Our military discount is for active-duty service members only.' }),
  promo('Seasonal sales', { id: 'discounts.black-friday', key: 'November 20 to November 30', q: ['When is your Black Friday sale?', 'Should I wait for Black Friday to buy the doorbell?', 'any black friday deals coming up?'], a: "This year's Black Friday sale runs from November 20 to November 30, 2026, with up to 35% off cameras and doorbells. If you buy now and the price drops within 14 days of delivery, our price match guarantee refunds the difference.", c: 'We do not run Black Friday sales; our prices stay the same all year.' }),
  promo('Combining discounts', { id: 'discounts.stacking', key: 'cannot be combined', q: ['Can I use my student discount on top of the sale price?', 'Can I stack two promo codes?', 'Does my discount code work on the subscription?'], a: 'Discounts cannot be combined with each other or with sale prices; the largest single discount is applied at checkout. Codes do not apply to Protect subscriptions, gift cards or installation.', c: 'Yes, discounts stack with each other and with sale prices, and they also apply to subscriptions.' }),
];
