import type { Device } from './device-types';

/** Zigbee sensors that work through Hub 2. */
export const SENSOR_DEVICES: Device[] = [
  {
    id: 'motion-sensor',
    name: 'Lumora Motion Sensor',
    short: 'Motion Sensor',
    price: '$29',
    wrongPrice: '$19',
    warrantyYears: 1,
    launched: 'January 2025',
    summary:
      'The Lumora Motion Sensor detects movement in a room, triggers lights and automations, and can set off a Protect Pro alarm. It is small enough to sit on a shelf or in a corner.',
    availability: 'Motion Sensor is sold in all eight countries we ship to.',
    inBox: ['Motion Sensor', 'CR2450 battery (installed)', 'Corner mount', 'Adhesive pad and screw', 'Quick start guide'],
    specs: [
      'Detection: 120-degree field of view, up to 7 m',
      'Pet-immune for animals up to 20 kg (when mounted at 2 m)',
      'Battery: CR2450 coin cell, up to 2 years',
      'Connectivity: Zigbee 3.0 (needs a Hub 2)',
      'Also measures temperature and light level',
    ],
    requirements:
      'Motion Sensor connects over Zigbee and needs a Hub 2 on the same account, within about 15 m indoors. It does not connect to Wi-Fi directly.',
    battery:
      'The CR2450 coin cell lasts up to 2 years. The app warns you when the battery drops below 10%. To replace it, twist off the back cover and insert a new CR2450 with the plus side facing you.',
    setup: [
      'Pull the battery tab out of the sensor.',
      'In the Lumora app tap + > Add device > Motion Sensor; Hub 2 starts searching.',
      'Hold the sensor within 1 m of the hub until the app confirms it was found.',
      'Mount it at 2 m in a room corner for the best coverage and pet immunity.',
    ],
    offline: [
      'Check the battery level in the app and replace the battery if it is below 10%.',
      'Make sure your Hub 2 is online and within about 15 m.',
      'Press the button on the back once to wake the sensor.',
      'If it is still offline, remove it in the app and pair it again next to the hub.',
    ],
    reset: [
      'Press and hold the button on the back for 10 seconds until the light blinks green three times.',
      'Release the button; the sensor is ready to pair again.',
    ],
    lightsHeading: 'Status light',
    lights: [
      ['Single green blink', 'Motion detected (test mode only)'],
      ['Three green blinks', 'Reset, ready to pair'],
      ['Red blink every minute', 'Battery low'],
    ],
    resetKey: '10 seconds',
    offlineKey: '15 m',
    facts: [
      {
        id: 'needs-hub',
        section: 'requirements',
        key: 'needs a Hub 2',
        questions: ['Does the motion sensor need the hub or does it use wifi?', 'Can I use the motion sensor on its own?', 'motion sensor without hub possible?'],
        answer: 'Motion Sensor connects over Zigbee and needs a Hub 2 on the same account, within about 15 m indoors. It does not connect to Wi-Fi directly.',
        contradiction: 'Motion Sensor connects directly to your Wi-Fi, so you can use it without a hub.',
      },
      {
        id: 'pets',
        section: 'specs',
        key: '20 kg',
        questions: ['Will my cat set off the motion sensor?', 'Is the motion sensor pet friendly? I have a 15 kg dog.', 'pet immune motion sensor?'],
        answer: 'The Motion Sensor is pet-immune for animals up to 20 kg when it is mounted at 2 m.',
        contradiction: 'The Motion Sensor is not pet-immune; any animal moving in the room will trigger it.',
      },
      {
        id: 'battery',
        section: 'battery',
        key: 'CR2450',
        questions: ['What battery does the motion sensor use?', 'How long does the motion sensor battery last?', 'motion sensor says low battery, what battery do i buy'],
        answer: 'The Motion Sensor uses a CR2450 coin cell that lasts up to 2 years. Twist off the back cover to replace it, plus side facing you.',
        contradiction: 'The Motion Sensor uses two AAA batteries that last about 6 months.',
      },
    ],
  },
  {
    id: 'leak-sensor',
    name: 'Lumora Leak Sensor',
    short: 'Leak Sensor',
    price: '$35',
    wrongPrice: '$25',
    warrantyYears: 1,
    launched: 'January 2025',
    summary:
      'The Lumora Leak Sensor sits on the floor next to a water heater, washing machine or sink and alerts you the moment it detects water, with a loud siren and a phone notification.',
    availability: 'Leak Sensor is sold in all eight countries we ship to. A 3-pack costs $89.',
    inBox: ['Leak Sensor', 'CR123A battery (installed)', 'Optional 1 m probe cable', 'Quick start guide'],
    specs: [
      'Detects as little as 0.5 mm of water',
      'Built-in 85 dB siren',
      'Battery: CR123A, up to 3 years',
      'Connectivity: Zigbee 3.0 (needs a Hub 2)',
      'Also alerts on freezing temperatures below 4 degrees C',
    ],
    requirements:
      'Leak Sensor connects over Zigbee and needs a Hub 2 on the same account. Thanks to the hub backup battery, alarms keep working for up to 4 hours during a power cut.',
    battery:
      'The CR123A battery lasts up to 3 years. The app warns you when the battery drops below 10%, and the sensor chirps once an hour when it is nearly empty.',
    setup: [
      'Pull the battery tab.',
      'In the Lumora app tap + > Add device > Leak Sensor.',
      'Hold the sensor within 1 m of Hub 2 until it is found.',
      'Place it flat on the floor where water would collect first, or run the probe cable under an appliance.',
    ],
    offline: [
      'Check the battery level in the app.',
      'Make sure Hub 2 is online; Leak Sensor cannot connect without it.',
      'Press the test button once: the sensor beeps and reconnects.',
      'Move the hub closer if the sensor is in a basement with thick walls.',
    ],
    reset: [
      'Press and hold the test button for 10 seconds until the sensor beeps twice.',
      'Release the button and pair it again from the app.',
    ],
    lightsHeading: 'Status light and sounds',
    lights: [
      ['Red flashing with siren', 'Water detected'],
      ['One beep', 'Test button pressed, connected'],
      ['Two beeps', 'Reset complete'],
      ['Hourly chirp', 'Battery nearly empty'],
    ],
    resetKey: '10 seconds',
    offlineKey: 'test button',
    facts: [
      {
        id: 'siren',
        section: 'specs',
        key: '85 dB',
        questions: ['Does the leak sensor make a sound or just send a notification?', 'How loud is the leak sensor alarm?', 'will the leak sensor beep if my phone is off'],
        answer: 'It does both: the Leak Sensor has a built-in 85 dB siren and also sends a phone notification.',
        contradiction: 'The Leak Sensor is silent; it only sends a notification to your phone.',
      },
      {
        id: 'battery',
        section: 'battery',
        key: '3 years',
        questions: ['How long does the leak sensor battery last?', 'What battery is in the water leak sensor?', 'leak sensor battery replacement how often'],
        answer: 'The Leak Sensor uses a CR123A battery that lasts up to 3 years, and the app warns you when it drops below 10%.',
        contradiction: 'The Leak Sensor battery lasts about 6 months and cannot be replaced.',
      },
      {
        id: 'three-pack',
        section: 'price',
        key: '$89',
        questions: ['Do you sell leak sensors in a multipack?', 'Price of 3 leak sensors?', 'Is there a bundle for the water leak sensors?'],
        answer: 'Yes, a 3-pack of Leak Sensors costs $89, compared with $35 each.',
        contradiction: 'Leak Sensors are only sold individually at $35 each; there is no multipack.',
      },
    ],
  },
];
