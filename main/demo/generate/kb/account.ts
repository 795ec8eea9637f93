import { ACCOUNT as A, PLANS as P } from './facts';
import { buildDoc, bullets, factsFor, type KbDoc, type QaFact } from './types';

/** Accounts, privacy, sharing, the app, integrations, networks and firmware. */
export const ACCOUNT_DOCS: KbDoc[] = [
  buildDoc({
    id: 'kb-account-security',
    title: 'Account security and two-step verification',
    category: 'account',
    intro: `Your Lumora account controls your cameras and locks, so we protect it carefully. These are the protections we build in and the steps we recommend.`,
    sections: [
      { heading: 'Passwords', body: `Passwords must be at least ${A.passwordMinLength} characters long. We check new passwords against lists of passwords exposed in known data breaches and reject those. Use a password manager and do not reuse a password from another site.` },
      { heading: 'Two-step verification', body: `Two-step verification asks for a code from an authenticator app (recommended) or a text message when you sign in on a new device. Turn it on in Settings > Account > Security. It is required for Protect Pro accounts and for every Lumora for Business admin.` },
      { heading: 'Locked accounts', body: `After ${A.lockoutAttempts} failed sign-in attempts, sign-in is locked for ${A.lockoutMinutes} minutes to stop password guessing. You can unlock it straight away by resetting your password from the link we email you.` },
      { heading: 'Lost phone and backup codes', body: `When you turn on two-step verification you get 10 single-use backup codes; store them somewhere safe. If you lose your phone and your codes, contact support: we verify your identity before removing two-step verification, which can take up to 3 business days.` },
      { heading: 'Phishing and scams', body: `Lumora Home will never ask for your password, your verification codes or your full card number by email, phone or chat. If someone does, it is not us: do not reply, and forward the message to security@lumorahome.com.` },
    ],
  }),
  buildDoc({
    id: 'kb-privacy-and-data',
    title: 'Privacy and your data',
    category: 'account',
    intro: `Cameras in your home are personal. This article explains where your data is stored, how it is protected, who can see it, and how to download or delete it.`,
    sections: [
      { heading: 'Where your data is stored', body: `Your video and account data are stored in the region of your account's country: the United States (Oregon) for the US and Canada, the European Union (Frankfurt) for the UK and the EU, and Australia (Sydney) for Australia. Data is not moved out of your region for processing.` },
      { heading: 'Encryption', body: `Video and account data are encrypted in transit with TLS 1.3 and at rest with AES-256. Protect Plus and Pro customers can also turn on end-to-end encryption, so only their enrolled phones can decrypt video. With end-to-end encryption on, video cannot be viewed on the web dashboard or on smart displays.` },
      { heading: 'Who can see your video', body: `Lumora Home staff cannot view your video unless you give explicit permission for a specific support case, and that permission expires after 7 days. We do not sell personal data. Requests from law enforcement need valid legal process, and we tell you about them unless the law prohibits it.` },
      { heading: 'Downloading your data', body: `Request a copy of your data in Settings > Privacy > Download my data. We email a download link within ${A.exportDays} days; the link works for 14 days.` },
      { heading: 'Deleting your account', body: `Delete your account in Settings > Account > Delete account. Video stops being available straight away, and all your data, including backups, is deleted within ${A.deletionDays} days. Cancel any subscription first so you are not charged again.` },
    ],
  }),
  buildDoc({
    id: 'kb-household-sharing',
    title: 'Sharing access with your household',
    category: 'account',
    intro: `Everyone at home can use the Lumora app with their own account. Sharing is safer than sharing a password, because you can see who did what and remove people at any time.`,
    sections: [
      { heading: 'How many people can share a home', body: `Without a plan and with Protect Basic, up to ${P.householdMembersBasic} household members can share a home. With Protect Plus or Pro, up to ${P.householdMembers} household members can share it.` },
      { heading: 'Roles', body: bullets(['Owner: manages billing, devices and members', 'Admin: manages devices and members, but not billing', 'Member: views cameras and controls devices, but cannot add or remove them', 'Guest: Smart Lock codes and temporary camera access only']) },
      { heading: 'Inviting someone', body: `Open Settings > Household > Invite and enter their email address. They get an email to create an account or sign in. Invitations expire after 7 days; you can resend them at any time.` },
      { heading: 'Removing someone', body: `Open Settings > Household, choose the person and tap Remove. They lose access immediately. If they knew any Smart Lock codes, change those codes too.` },
    ],
  }),
  buildDoc({
    id: 'kb-app-requirements',
    title: 'Lumora app requirements',
    category: 'account',
    intro: `You set up and control Lumora Home devices with the free Lumora app. Here is what you need to run it, and what you can do on the web.`,
    sections: [
      { heading: 'Phones and tablets', body: `The Lumora app runs on iPhone and iPad with ${A.iosMin} or later, and on phones and tablets with ${A.androidMin} or later. We support each new version of iOS and Android from the day it is released.` },
      { heading: 'Web dashboard', body: `At ${A.webDashboard} you can watch live view, browse and download video history, and manage household members. Adding new devices needs the phone app, because setup uses Bluetooth. The dashboard supports current versions of Chrome, Edge, Firefox and Safari.` },
      { heading: 'Apple Watch and Wear OS', body: `The Lumora app for Apple Watch (watchOS 9 or later) and Wear OS 3 or later shows doorbell alerts and lets you lock and unlock the Smart Lock from your wrist.` },
      { heading: 'Languages and accessibility', body: `The app is available in English, French, German, Dutch and Spanish. It supports VoiceOver, TalkBack, larger text sizes and reduced motion.` },
    ],
  }),
  buildDoc({
    id: 'kb-integrations',
    title: 'Works with Alexa, Google Home, Apple Home and more',
    category: 'account',
    intro: `Lumora Home devices work with the voice assistants and smart-home platforms you already use. Some integrations work straight from the cloud; Apple Home and SmartThings connect through Hub 2 using Matter.`,
    sections: [
      { heading: 'Amazon Alexa', body: `Enable the Lumora Home skill in the Alexa app and sign in. You can ask Alexa to show a camera on an Echo Show, announce doorbell presses, and control plugs and the thermostat. Unlocking the Smart Lock by voice needs a 4-digit voice PIN, which you set in the Alexa app.` },
      { heading: 'Google Home', body: `Link Lumora Home in the Google Home app under Devices > Add > Works with Google. Cameras and the doorbell stream to Nest Hub displays and Chromecast, and you can use Google routines with plugs, sensors and the thermostat.` },
      { heading: 'Apple Home and Matter', body: `Hub 2 acts as a Matter bridge, so the Smart Lock, Smart Plug, Thermostat and sensors appear in Apple Home, Google Home, Alexa and SmartThings through Matter. Cameras and the doorbell are not available in Apple Home, and HomeKit Secure Video is not supported.` },
      { heading: 'IFTTT', body: `The Lumora Home service on IFTTT lets you build applets, for example to turn on a plug when a camera sees a person. IFTTT applets work with every plan, including no plan.` },
    ],
  }),
  buildDoc({
    id: 'kb-wifi-requirements',
    title: 'Wi-Fi and network requirements',
    category: 'account',
    intro: `A reliable Wi-Fi connection is the most important part of a Lumora Home setup. Check these requirements before you mount cameras, and use the placement test in the app.`,
    sections: [
      { heading: 'Supported networks', body: `Lumora devices work with WPA2 Personal and WPA3 Personal networks, including mesh systems. They do not support WPA2-Enterprise networks or networks with a sign-in page (captive portals) such as hotel, dorm or office guest Wi-Fi. Hidden networks work, but you need to type the network name during setup.` },
      { heading: 'Bands by device', body: bullets(['2.4 GHz only: Cam Indoor, Smart Plug and Thermostat', '2.4 GHz or 5 GHz: Cam Outdoor, Video Doorbell and Hub 2', 'Motion Sensor and Leak Sensor use Zigbee through Hub 2, not Wi-Fi']) },
      { heading: 'Upload bandwidth', body: `Each camera needs about ${A.uploadPerCamera} of upload bandwidth at 1080p and ${A.uploadPer2k} at 2K while it streams or uploads. A home with four 2K cameras should have at least 16 Mbps of upload speed. Check your upload speed at the camera's location, not next to the router.` },
      { heading: 'Firewalls and ports', body: `Devices only make outgoing connections, on TCP port 443 and UDP port 3478 for live view. You do not need to open any incoming ports or set up port forwarding.` },
    ],
  }),
  buildDoc({
    id: 'kb-firmware-updates',
    title: 'Firmware updates',
    category: 'account',
    intro: `We release firmware updates to add features, improve reliability and fix security issues. Updates install automatically, so your devices stay protected without any effort from you.`,
    sections: [
      { heading: 'Automatic updates', body: `Updates install automatically ${A.firmwareWindow}. A device restarts during the update and is usually offline for less than 5 minutes. Battery cameras only update when their battery is above 30%.` },
      { heading: 'Postponing an update', body: `If an update notification arrives at a bad time, you can ignore it or tap Later: you can postpone an update for up to ${A.firmwarePostponeDays} days in Settings > Devices > Updates. After ${A.firmwarePostponeDays} days, the update installs at the next overnight window.` },
      { heading: 'Support period', body: `We provide security updates for at least ${A.securityUpdateYears} years after the last day a device is sold in our store. The end-of-support date for every device is listed at lumorahome.com/support-periods.` },
      { heading: 'Release notes', body: `See what changed in the app under Settings > About > Release notes. The latest Hub 2 firmware, version 5.2, was released in October 2026 and added Matter 1.4 support and faster sensor pairing.` },
    ],
  }),
];

const security = factsFor('kb-account-security');
const privacy = factsFor('kb-privacy-and-data');
const sharing = factsFor('kb-household-sharing');
const app = factsFor('kb-app-requirements');
const integrations = factsFor('kb-integrations');
const wifi = factsFor('kb-wifi-requirements');
const firmware = factsFor('kb-firmware-updates');

export const ACCOUNT_FACTS: QaFact[] = [
  security('Locked accounts', { id: 'security.lockout', key: `${A.lockoutMinutes} minutes`, q: ["I'm locked out of my account after too many password attempts", 'How long is my account locked for?', 'account locked what do i do'], a: `After ${A.lockoutAttempts} failed sign-in attempts, sign-in is locked for ${A.lockoutMinutes} minutes. You can unlock it straight away by resetting your password from the link we email you.`, c: 'After 3 failed attempts your account is locked for 24 hours and only support can unlock it.' }),
  security('Two-step verification', { id: 'security.2fa', key: 'authenticator app', q: ['How do I turn on two-factor authentication?', 'Does Lumora support 2FA?', 'Is two-step verification required?'], a: 'Yes. Turn it on in Settings > Account > Security; you can use an authenticator app (recommended) or text messages. It is required for Protect Pro accounts and Lumora for Business admins.', c: 'Two-step verification is only available by text message and is optional for all accounts.' }),
  security('Passwords', { id: 'security.password', key: `${A.passwordMinLength} characters`, q: ['What are the password requirements?', 'Why was my new password rejected?'], a: `Passwords must be at least ${A.passwordMinLength} characters long, and we reject passwords that appear in known data breaches.`, c: 'Passwords need at least 6 characters and one symbol; there are no other checks.' }),
  security('Lost phone and backup codes', { id: 'security.backup-codes', key: '10 single-use backup codes', q: ['I lost my phone and cannot get my 2FA code', 'What if I lose my two-factor device?'], a: 'Use one of the 10 single-use backup codes you got when you turned on two-step verification. If you have lost those too, contact support; verifying your identity can take up to 3 business days.', c: 'Support can turn off two-step verification immediately over chat if you tell us your email address.' }),
  security('Phishing and scams', { id: 'security.phishing', key: 'will never ask for your password', q: ['Someone called saying they are from Lumora and asked for my verification code. Is that legit?', 'I got an email asking me to confirm my card number. Is it from you?'], a: 'That is not us. Lumora Home will never ask for your password, verification codes or full card number by email, phone or chat. Please do not reply, and forward the message to security@lumorahome.com.', c: 'Yes, our team sometimes calls to confirm verification codes; it is safe to share them.' }),
  privacy('Where your data is stored', { id: 'privacy.region', key: 'Frankfurt', q: ['Where is my video stored? I live in Germany.', 'Is my data stored in the EU?', 'GDPR question: where are your servers for UK customers?'], a: 'Data for UK and EU accounts is stored in the European Union (Frankfurt), and it is not moved out of your region for processing.', c: 'All customer video is stored in the United States, whatever country you live in.' }),
  privacy('Encryption', { id: 'privacy.e2ee', key: 'end-to-end encryption', q: ['Is my video encrypted?', 'Do you offer end-to-end encryption?', 'Why can I not see my cameras on the web dashboard after turning on encryption?'], a: 'Video is encrypted in transit with TLS 1.3 and at rest with AES-256. Protect Plus and Pro customers can also turn on end-to-end encryption; when it is on, video cannot be viewed on the web dashboard or smart displays.', c: 'Video is encrypted in transit only, and no end-to-end option is offered.' }),
  privacy('Who can see your video', { id: 'privacy.staff-access', key: 'cannot view your video', q: ['Can Lumora employees watch my cameras?', 'Do you sell my data?', 'Will you give my videos to the police?'], a: 'Lumora Home staff cannot view your video unless you give explicit permission for a specific support case, and we do not sell personal data. Law enforcement requests need valid legal process, and we tell you about them unless the law prohibits it.', c: 'Our support staff can view any customer video at any time to improve the service.' }),
  privacy('Downloading your data', { id: 'privacy.export', key: `${A.exportDays} days`, q: ['How can I get a copy of all my data?', 'I want to export my account data'], a: `Request it in Settings > Privacy > Download my data. We email a download link within ${A.exportDays} days, and the link works for 14 days.`, c: 'Data exports must be requested by post and take up to 90 days.' }),
  privacy('Deleting your account', { id: 'privacy.delete', key: `${A.deletionDays} days`, q: ['How do I delete my account?', 'If I delete my account how long until my data is gone?', 'please delete all my data'], a: `Delete your account in Settings > Account > Delete account. Video stops being available straight away and all your data, including backups, is deleted within ${A.deletionDays} days. Cancel any subscription first.`, c: 'Deleted accounts are kept for 2 years in case you want to come back, then deleted.' }),
  sharing('How many people can share a home', { id: 'sharing.members', key: `${P.householdMembers} household members`, q: ['How many people can I share my cameras with?', 'Can my whole family use the app?', 'Is there a limit on users per home?'], a: `With Protect Plus or Pro, up to ${P.householdMembers} household members can share a home. Without a plan and with Protect Basic, the limit is ${P.householdMembersBasic}.`, c: 'Any plan allows unlimited household members.' }),
  sharing('Roles', { id: 'sharing.roles', key: 'Admin', q: ['Can I give my partner access without letting them see billing?', 'What can a guest do in the app?'], a: 'Yes: make them an Admin, who manages devices and members but not billing, or a Member, who can view cameras and control devices. Guests only get Smart Lock codes and temporary camera access.', c: 'Everyone you invite has full owner rights, including billing.' }),
  sharing('Inviting someone', { id: 'sharing.invite', key: '7 days', q: ['My invitation link does not work anymore', 'How do I invite my wife to the app?'], a: 'Open Settings > Household > Invite and enter their email address. Invitations expire after 7 days, and you can resend them at any time.', c: 'Invitations never expire, so an old link should still work.' }),
  sharing('Removing someone', { id: 'sharing.remove', key: 'lose access immediately', q: ['How do I remove my ex from the app?', 'My roommate moved out. How do I take away their access?'], a: 'Open Settings > Household, choose the person and tap Remove; they lose access immediately. If they knew any Smart Lock codes, change those codes too.', c: 'Removed members keep access for 30 days before it is revoked.' }),
  app('Phones and tablets', { id: 'app.os', key: A.iosMin, q: ['Will the app work on my old iPhone with iOS 15?', 'What Android version does the Lumora app need?', 'app requirements?'], a: `The Lumora app runs on ${A.iosMin} or later and on ${A.androidMin} or later.`, c: 'The app runs on iOS 13 or later and Android 8 or later.' }),
  app('Web dashboard', { id: 'app.web', key: 'needs the phone app', q: ['Can I use Lumora on my computer?', 'Can I add a new camera from the web dashboard?'], a: `Yes, at ${A.webDashboard} you can watch live view, browse video history and manage household members. Adding new devices needs the phone app, because setup uses Bluetooth.`, c: 'The web dashboard can do everything the app does, including adding new devices.' }),
  app('Apple Watch and Wear OS', { id: 'app.watch', key: 'watchOS 9', q: ['Is there an Apple Watch app?', 'Can I unlock my door from my watch?'], a: 'Yes. The Lumora app for Apple Watch (watchOS 9 or later) and Wear OS 3 or later shows doorbell alerts and lets you lock and unlock the Smart Lock.', c: 'There is no watch app; notifications on the watch only mirror the phone.' }),
  app('Languages and accessibility', { id: 'app.languages', key: 'Dutch', q: ['Is the app available in French?', 'What languages does the app support?'], a: 'The app is available in English, French, German, Dutch and Spanish.', c: 'The app is available in English only.' }),
  integrations('Amazon Alexa', { id: 'integrations.alexa', key: 'voice PIN', q: ['Does Lumora work with Alexa?', 'Can Alexa unlock my smart lock?'], a: 'Yes. Enable the Lumora Home skill in the Alexa app. Unlocking the Smart Lock by voice needs a 4-digit voice PIN that you set in the Alexa app.', c: 'Alexa can unlock the Smart Lock by voice without any PIN.' }),
  integrations('Apple Home and Matter', { id: 'integrations.apple-home', key: 'HomeKit Secure Video is not supported', q: ['Can I see my Lumora cameras in Apple Home?', 'Is HomeKit supported?', 'Do your cameras support HomeKit Secure Video?'], a: 'Hub 2 brings the Smart Lock, Smart Plug, Thermostat and sensors into Apple Home through Matter, but cameras and the doorbell are not available in Apple Home, and HomeKit Secure Video is not supported.', c: 'Yes, all Lumora cameras appear in Apple Home and support HomeKit Secure Video.' }),
  integrations('Google Home', { id: 'integrations.google', key: 'Works with Google', q: ['How do I connect Lumora to Google Home?', 'Can I see the doorbell on my Nest Hub?'], a: 'Link Lumora Home in the Google Home app under Devices > Add > Works with Google. Cameras and the doorbell then stream to Nest Hub displays and Chromecast.', c: 'Lumora does not work with Google Home; only Alexa is supported.' }),
  integrations('IFTTT', { id: 'integrations.ifttt', key: 'every plan', q: ['Does IFTTT need a subscription?', 'Can I use IFTTT with Lumora?'], a: 'Yes, the Lumora Home service on IFTTT works with every plan, including no plan.', c: 'IFTTT applets need Protect Pro.' }),
  wifi('Supported networks', { id: 'wifi.enterprise', key: 'captive portals', q: ['Can I connect the camera to my dorm wifi that has a login page?', 'Do your devices work on WPA2-Enterprise?', 'Will a mesh network work?'], a: 'Mesh systems are fine, but Lumora devices do not support WPA2-Enterprise networks or networks with a sign-in page (captive portals), such as hotel, dorm or office guest Wi-Fi.', c: 'Lumora devices work on any network, including WPA2-Enterprise and hotel Wi-Fi with a login page.' }),
  wifi('Upload bandwidth', { id: 'wifi.bandwidth', key: A.uploadPer2k, q: ['What internet speed do I need for 4 cameras?', 'How much upload bandwidth does each camera use?'], a: `Each camera needs about ${A.uploadPerCamera} of upload at 1080p and ${A.uploadPer2k} at 2K, so four 2K cameras need at least 16 Mbps of upload speed.`, c: 'Cameras need about 0.5 Mbps of upload each, so any connection is enough.' }),
  wifi('Firewalls and ports', { id: 'wifi.ports', key: '3478', q: ['Which ports do I need to open on my firewall?', 'Do I need port forwarding for remote viewing?'], a: 'No port forwarding is needed. Devices only make outgoing connections, on TCP port 443 and UDP port 3478 for live view.', c: 'You need to forward TCP port 8080 to each camera for remote viewing.' }),
  firmware('Automatic updates', { id: 'firmware.window', key: A.firmwareWindow, q: ['When do firmware updates install?', 'My camera went offline at 3am. Was that an update?'], a: `Updates install automatically ${A.firmwareWindow}, and a device is usually offline for less than 5 minutes while it restarts.`, c: 'Updates install as soon as they are released, at any time of day.' }),
  firmware('Postponing an update', { id: 'firmware.postpone', key: `${A.firmwarePostponeDays} days`, q: ['Can I postpone a firmware update?', 'How long can I delay an update?'], a: `You can postpone an update for up to ${A.firmwarePostponeDays} days in Settings > Devices > Updates; after that it installs at the next overnight window.`, c: 'Updates cannot be postponed at all.' }),
  firmware('Support period', { id: 'firmware.support-period', key: `${A.securityUpdateYears} years`, q: ['How long will my camera get security updates?', 'Is my 2023 thermostat still supported?'], a: `We provide security updates for at least ${A.securityUpdateYears} years after the last day a device is sold in our store. End-of-support dates are listed at lumorahome.com/support-periods.`, c: 'Devices receive security updates for 2 years from the date you bought them.' }),
];
