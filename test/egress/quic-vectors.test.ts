// QUIC Initials against the published test vectors: the keys (RFC 9001 A.1, RFC 9369 A.1,
// draft-ietf-quic-tls-29 A.1, draft-ietf-quic-v2-01 A.1) and the protected client Initials of
// RFC 9001 A.2, RFC 9369 A.2 and draft-ietf-quic-tls-29 A.2, decoded by telltale and rebuilt byte
// for byte by the test's own encrypt side (quic-packets.ts), which then seals every other version.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { clientInitialKeys, feedQuic, newQuicSession, versionName } from '../../shared/egress/decode/quic.ts';
import { cryptoClientHello } from './packets.ts';
import { cryptoFrame, SPECS, sealInitial, specOf, testKeys, chromeChlo } from './quic-packets.ts';

const hex = (parts: string[]): Buffer => Buffer.from(parts.join(''), 'hex');
const DCID = Buffer.from('8394c8f03e515708', 'hex');

const RFC9001_A2 = hex([
  'c000000001088394c8f03e5157080000449e7b9aec34d1b1c98dd7689fb8ec11d242b123dc9bd8bab936b47d92ec356c',
  '0bab7df5976d27cd449f63300099f3991c260ec4c60d17b31f8429157bb35a1282a643a8d2262cad67500cadb8e7378c',
  '8eb7539ec4d4905fed1bee1fc8aafba17c750e2c7ace01e6005f80fcb7df621230c83711b39343fa028cea7f7fb5ff89',
  'eac2308249a02252155e2347b63d58c5457afd84d05dfffdb20392844ae812154682e9cf012f9021a6f0be17ddd0c208',
  '4dce25ff9b06cde535d0f920a2db1bf362c23e596d11a4f5a6cf3948838a3aec4e15daf8500a6ef69ec4e3feb6b1d98e',
  '610ac8b7ec3faf6ad760b7bad1db4ba3485e8a94dc250ae3fdb41ed15fb6a8e5eba0fc3dd60bc8e30c5c4287e53805db',
  '059ae0648db2f64264ed5e39be2e20d82df566da8dd5998ccabdae053060ae6c7b4378e846d29f37ed7b4ea9ec5d82e7',
  '961b7f25a9323851f681d582363aa5f89937f5a67258bf63ad6f1a0b1d96dbd4faddfcefc5266ba6611722395c906556',
  'be52afe3f565636ad1b17d508b73d8743eeb524be22b3dcbc2c7468d54119c7468449a13d8e3b95811a198f3491de3e7',
  'fe942b330407abf82a4ed7c1b311663ac69890f4157015853d91e923037c227a33cdd5ec281ca3f79c44546b9d90ca00',
  'f064c99e3dd97911d39fe9c5d0b23a229a234cb36186c4819e8b9c5927726632291d6a418211cc2962e20fe47feb3edf',
  '330f2c603a9d48c0fcb5699dbfe5896425c5bac4aee82e57a85aaf4e2513e4f05796b07ba2ee47d80506f8d2c25e50fd',
  '14de71e6c418559302f939b0e1abd576f279c4b2e0feb85c1f28ff18f58891ffef132eef2fa09346aee33c28eb130ff2',
  '8f5b766953334113211996d20011a198e3fc433f9f2541010ae17c1bf202580f6047472fb36857fe843b19f5984009dd',
  'c324044e847a4f4a0ab34f719595de37252d6235365e9b84392b061085349d73203a4a13e96f5432ec0fd4a1ee65accd',
  'd5e3904df54c1da510b0ff20dcc0c77fcb2c0e0eb605cb0504db87632cf3d8b4dae6e705769d1de354270123cb11450e',
  'fc60ac47683d7b8d0f811365565fd98c4c8eb936bcab8d069fc33bd801b03adea2e1fbc5aa463d08ca19896d2bf59a07',
  '1b851e6c239052172f296bfb5e72404790a2181014f3b94a4e97d117b438130368cc39dbb2d198065ae3986547926cd2',
  '162f40a29f0c3c8745c0f50fba3852e566d44575c29d39a03f0cda721984b6f440591f355e12d439ff150aab7613499d',
  'bd49adabc8676eef023b15b65bfc5ca06948109f23f350db82123535eb8a7433bdabcb909271a6ecbcb58b936a88cd4e',
  '8f2e6ff5800175f113253d8fa9ca8885c2f552e657dc603f252e1a8e308f76f0be79e2fb8f5d5fbbe2e30ecadd220723',
  'c8c0aea8078cdfcb3868263ff8f0940054da48781893a7e49ad5aff4af300cd804a6b6279ab3ff3afb64491c85194aab',
  '760d58a606654f9f4400e8b38591356fbf6425aca26dc85244259ff2b19c41b9f96f3ca9ec1dde434da7d2d392b905dd',
  'f3d1f9af93d1af5950bd493f5aa731b4056df31bd267b6b90a079831aaf579be0a39013137aac6d404f518cfd4684064',
  '7e78bfe706ca4cf5e9c5453e9f7cfd2b8b4c8d169a44e55c88d4a9a7f9474241e221af44860018ab0856972e194cd934',
]);
const RFC9369_A2 = hex([
  'd76b3343cf088394c8f03e5157080000449ea0c95e82ffe67b6abcdb4298b485dd04de806071bf03dceebfa162e75d6c',
  '96058bdbfb127cdfcbf903388e99ad049f9a3dd4425ae4d0992cfff18ecf0fdb5a842d09747052f17ac2053d21f57c5d',
  '250f2c4f0e0202b70785b7946e992e58a59ac52dea6774d4f03b55545243cf1a12834e3f249a78d395e0d18f4d766004',
  'f1a2674802a747eaa901c3f10cda5500cb9122faa9f1df66c392079a1b40f0de1c6054196a11cbea40afb6ef5253cd68',
  '18f6625efce3b6def6ba7e4b37a40f7732e093daa7d52190935b8da58976ff3312ae50b187c1433c0f028edcc4c2838b',
  '6a9bfc226ca4b4530e7a4ccee1bfa2a3d396ae5a3fb512384b2fdd851f784a65e03f2c4fbe11a53c7777c023462239dd',
  '6f7521a3f6c7d5dd3ec9b3f233773d4b46d23cc375eb198c63301c21801f6520bcfb7966fc49b393f0061d974a2706df',
  '8c4a9449f11d7f3d2dcbb90c6b877045636e7c0c0fe4eb0f697545460c806910d2c355f1d253bc9d2452aaa549e27a1f',
  'ac7cf4ed77f322e8fa894b6a83810a34b361901751a6f5eb65a0326e07de7c1216ccce2d0193f958bb3850a833f7ae43',
  '2b65bc5a53975c155aa4bcb4f7b2c4e54df16efaf6ddea94e2c50b4cd1dfe06017e0e9d02900cffe1935e0491d77ffb4',
  'fdf85290fdd893d577b1131a610ef6a5c32b2ee0293617a37cbb08b847741c3b8017c25ca9052ca1079d8b78aebd4787',
  '6d330a30f6a8c6d61dd1ab5589329de714d19d61370f8149748c72f132f0fc99f34d766c6938597040d8f9e2bb522ff9',
  '9c63a344d6a2ae8aa8e51b7b90a4a806105fcbca31506c446151adfeceb51b91abfe43960977c87471cf9ad4074d30e1',
  '0d6a7f03c63bd5d4317f68ff325ba3bd80bf4dc8b52a0ba031758022eb025cdd770b44d6d6cf0670f4e990b22347a7db',
  '848265e3e5eb72dfe8299ad7481a408322cac55786e52f633b2fb6b614eaed18d703dd84045a274ae8bfa73379661388',
  'd6991fe39b0d93debb41700b41f90a15c4d526250235ddcd6776fc77bc97e7a417ebcb31600d01e57f32162a8560cacc',
  '7e27a096d37a1a86952ec71bd89a3e9a30a2a26162984d7740f81193e8238e61f6b5b984d4d3dfa033c1bb7e4f0037fe',
  'bf406d91c0dccf32acf423cfa1e7071010d3f270121b493ce85054ef58bada42310138fe081adb04e2bd901f2f13458b',
  '3d6758158197107c14ebb193230cd1157380aa79cae1374a7c1e5bbcb80ee23e06ebfde206bfb0fcbc0edc4ebec30966',
  '1bdd908d532eb0c6adc38b7ca7331dce8dfce39ab71e7c32d318d136b6100671a1ae6a6600e3899f31f0eed19e3417d1',
  '34b90c9058f8632c798d4490da4987307cba922d61c39805d072b589bd52fdf1e86215c2d54e6670e07383a27bbffb5a',
  'ddf47d66aa85a0c6f9f32e59d85a44dd5d3b22dc2be80919b490437ae4f36a0ae55edf1d0b5cb4e9a3ecabee93dfc6e3',
  '8d209d0fa6536d27a5d6fbb17641cde27525d61093f1b28072d111b2b4ae5f89d5974ee12e5cf7d5da4d6a31123041f3',
  '3e61407e76cffcdcfd7e19ba58cf4b536f4c4938ae79324dc402894b44faf8afbab35282ab659d13c93f70412e85cb19',
  '9a37ddec600545473cfb5a05e08d0b209973b2172b4d21fb69745a262ccde96ba18b2faa745b6fe189cf772a9f84cbfc',
]);
const DRAFT29_A2 = hex([
  'c5ff00001d088394c8f03e5157080000449e4a95245bfb66bc5f93032b7ddd89fe0ff15d9c4f7050fccdb71c1cd80512',
  'd4431643a53aafa1b0b518b44968b18b8d3e7a4d04c30b3ed9410325b2abb2dafb1c12f8b70479eb8df98abcaf95dd8f',
  '3d1c78660fbc719f88b23c8aef6771f3d50e10fdfb4c9d92386d44481b6c52d59e5538d3d3942de9f13a7f8b702dc317',
  '24180da9df22714d01003fc5e3d165c950e630b8540fbd81c9df0ee63f94997026c4f2e1887a2def79050ac2d86ba318',
  'e0b3adc4c5aa18bcf63c7cf8e85f569249813a2236a7e72269447cd1c755e451f5e77470eb3de64c8849d29282069802',
  '9cfa18e5d66176fe6e5ba4ed18026f90900a5b4980e2f58e39151d5cd685b10929636d4f02e7fad2a5a458249f5c0298',
  'a6d53acbe41a7fc83fa7cc01973f7a74d1237a51974e097636b6203997f921d07bc1940a6f2d0de9f5a11432946159ed',
  '6cc21df65c4ddd1115f86427259a196c7148b25b6478b0dc7766e1c4d1b1f5159f90eabc61636226244642ee148b464c',
  '9e619ee50a5e3ddc836227cad938987c4ea3c1fa7c75bbf88d89e9ada642b2b88fe8107b7ea375b1b64889a4e9e5c38a',
  '1c896ce275a5658d250e2d76e1ed3a34ce7e3a3f383d0c996d0bed106c2899ca6fc263ef0455e74bb6ac1640ea7bfedc',
  '59f03fee0e1725ea150ff4d69a7660c5542119c71de270ae7c3ecfd1af2c4ce551986949cc34a66b3e216bfe18b347e6',
  'c05fd050f85912db303a8f054ec23e38f44d1c725ab641ae929fecc8e3cefa5619df4231f5b4c009fa0c0bbc60bc75f7',
  '6d06ef154fc8577077d9d6a1d2bd9bf081dc783ece60111bea7da9e5a9748069d078b2bef48de04cabe3755b197d52b3',
  '2046949ecaa310274b4aac0d008b1948c1082cdfe2083e386d4fd84c0ed0666d3ee26c4515c4fee73433ac703b690a9f',
  '7bf278a77486ace44c489a0c7ac8dfe4d1a58fb3a730b993ff0f0d61b4d89557831eb4c752ffd39c10f6b9f46d8db278',
  'da624fd800e4af85548a294c1518893a8778c4f6d6d73c93df200960104e062b388ea97dcf4016bced7f62b4f062cb6c',
  '04c20693d9a0e3b74ba8fe74cc01237884f40d765ae56a51688d985cf0ceaef43045ed8c3f0c33bced08537f6882613a',
  'cd3b08d665fce9dd8aa73171e2d3771a61dba2790e491d413d93d987e2745af29418e428be34941485c93447520ffe23',
  '1da2304d6a0fd5d07d0837220236966159bef3cf904d722324dd852513df39ae030d8173908da6364786d3c1bfcb19ea',
  '77a63b25f1e7fc661def480c5d00d44456269ebd84efd8e3a8b2c257eec76060682848cbf5194bc99e49ee75e4d0d254',
  'bad4bfd74970c30e44b65511d4ad0e6ec7398e08e01307eeeea14e46ccd87cf36b285221254d8fc6a6765c524ded0085',
  'dca5bd688ddf722e2c0faf9d0fb2ce7a0c3f2cee19ca0ffba461ca8dc5d2c8178b0762cf67135558494d2a96f1a139f0',
  'edb42d2af89a9c9122b07acbc29e5e722df8615c343702491098478a389c9872a10b0c9875125e257c7bfdf27eef4060',
  'bd3d00f4c14fd3e3496c38d3c5d1a5668c39350effbc2d16ca17be4ce29f02ed969504dda2a8c6b9ff919e693ee79e09',
  '089316e7d1d89ec099db3b2b268725d888536a4b8bf9aee8fb43e82a4d919d4843b1ca70a2d8d3f725ead1391377dcc0',
]);

// The CRYPTO frame each A.2 Initial carries (RFC 9001 and RFC 9369 share it; SNI "example.com").
const RFC_CRYPTO_FRAME = hex([
  '060040f1010000ed0303ebf8fa56f12939b9584a3896472ec40bb863cfd3e86804fe3a47f06a2b69484c000004130113',
  '02010000c000000010000e00000b6578616d706c652e636f6dff01000100000a00080006001d00170018001000070005',
  '04616c706e000500050100000000003300260024001d00209370b2c9caa47fbabaf4559fedba753de171fa71f50f1ce1',
  '5d43e994ec74d748002b0003020304000d0010000e0403050306030203080408050806002d00020101001c0002400100',
  '3900320408ffffffffffffffff05048000ffff07048000ffff0801100104800075300901100f088394c8f03e51570806',
  '048000ffff',
]);
// draft-ietf-quic-tls-29 A.2 (SNI "server").
const DRAFT29_CRYPTO_FRAME = hex([
  '060040c4010000c003036660261ff947cea49cce6cfad687f457cf1b14531ba14131a0e8f309a1d0b9c4000006130113',
  '031302010000910000000b0009000006736572766572ff01000100000a00140012001d00170018001901000101010201',
  '03010400230000003300260024001d00204cfdfcd178b784bf328cae793b136f2aedce005ff183d7bb14952072366470',
  '37002b0003020304000d0020001e040305030603020308040805080604010501060102010402050206020202002d0002',
  '0101001c00024001',
]);

const KEY_VECTORS = [
  {
    source: 'RFC 9001 A.1',
    spec: 'v1',
    secret: 'c00cf151ca5be075ed0ebfb5c80323c42d6b7db67881289af4008f1f6c357aea',
    key: '1f369613dd76d5467730efcbe3b1a22d',
    iv: 'fa044b2f42a3fd3b46fb255c',
    hp: '9f50449e04a0e810283a1e9933adedd2',
  },
  {
    source: 'RFC 9369 A.1',
    spec: 'v2',
    secret: '14ec9d6eb9fd7af83bf5a668bc17a7e283766aade7ecd0891f70f9ff7f4bf47b',
    key: '8b1a0bc121284290a29e0971b5cd045d',
    iv: '91f73e2351d8fa91660e909f',
    hp: '45b95e15235d6f45a6b19cbcb0294ba9',
  },
  {
    source: 'draft-ietf-quic-tls-29 A.1',
    spec: 'draft-29',
    secret: '0088119288f1d866733ceeed15ff9d50902cf82952eee27e9d4d4918ea371d87',
    key: '175257a31eb09dea9366d8bb79ad80ba',
    iv: '6b26114b9cba2b63a9e8dd4f',
    hp: '9ddd12c994c0698b89374a9c077a3077',
  },
  {
    source: 'draft-ietf-quic-v2-01 A.1',
    spec: 'v2-draft',
    secret: '9fe72e1452e91f551b770005054034e47575d4a0fb4c27b7c6cb303a338423ae',
    key: '95df2be2e8d549c82e996fc9339f4563',
    iv: 'ea5e3c95f933db14b7020ad8',
    hp: '091efb735702447d07908f6501845794',
  },
];

describe('QUIC Initial keys match the published vectors', () => {
  for (const v of KEY_VECTORS) {
    test(`${v.source}: both the decoder and the test's own HKDF derive them`, () => {
      const spec = specOf(v.spec);
      const mine = testKeys(DCID, spec);
      assert.deepEqual(
        [mine.secret, mine.key, mine.iv, mine.hp].map((b) => b.toString('hex')),
        [v.secret, v.key, v.iv, v.hp],
      );
      const decoder = clientInitialKeys(DCID, spec.version)!;
      assert.deepEqual(
        [decoder.key, decoder.iv, decoder.hp].map((b) => b.toString('hex')),
        [v.key, v.iv, v.hp],
      );
    });
  }
});

describe('the published client Initials', () => {
  const cases = [
    { source: 'RFC 9001 A.2', packet: RFC9001_A2, spec: 'v1', frame: RFC_CRYPTO_FRAME, host: 'example.com' },
    { source: 'RFC 9369 A.2', packet: RFC9369_A2, spec: 'v2', frame: RFC_CRYPTO_FRAME, host: 'example.com' },
    { source: 'draft-29 A.2', packet: DRAFT29_A2, spec: 'draft-29', frame: DRAFT29_CRYPTO_FRAME, host: 'server' },
  ];
  for (const c of cases) {
    test(`${c.source} is decrypted and named by its SNI`, () => {
      const spec = specOf(c.spec);
      assert.equal(c.packet.length, 1200);
      assert.deepEqual(feedQuic(newQuicSession(), c.packet), {
        status: 'named',
        host: c.host,
        version: spec.version,
        versionName: c.spec,
      });
    });

    test(`${c.source} is what the test's encrypt side seals from its plaintext, byte for byte`, () => {
      const sealed = sealInitial({ spec: specOf(c.spec), dcid: DCID, plaintext: c.frame, packetNumber: 2 });
      assert.equal(sealed.toString('hex'), c.packet.toString('hex'));
    });
  }

  test('one flipped bit anywhere in the ciphertext and the Initial is not read', () => {
    for (const at of [30, 600, 1199]) {
      const damaged = Buffer.from(RFC9001_A2);
      damaged[at] = damaged[at]! ^ 0x01;
      const feed = feedQuic(newQuicSession(), damaged);
      assert.equal(feed.status, 'unnamed');
      assert.ok(feed.status === 'unnamed');
      assert.equal(feed.versionName, 'v1');
      assert.match(feed.reason, /did not decrypt/);
    }
  });
});

describe('every version with public Initial keys', () => {
  for (const spec of SPECS) {
    test(`a ${spec.name} Initial, sealed with its own salt, names its server`, () => {
      const host = `${spec.name.toLowerCase()}.example.test`;
      const hello = spec.hello === 'tls' ? cryptoClientHello(host, 500) : chromeChlo(host, spec.name, 400);
      const packet = sealInitial({
        spec,
        dcid: Buffer.from('0011223344556677', 'hex'),
        plaintext: cryptoFrame(0, hello, spec.frames),
      });
      assert.deepEqual(feedQuic(newQuicSession(), packet), {
        status: 'named',
        host,
        version: spec.version,
        versionName: spec.name,
      });
      assert.equal(versionName(spec.version), spec.name);
    });
  }

  test('a salt from a neighbouring draft does not open it: each draft range has its own', () => {
    // draft-28 uses draft-23's salt; sealing a draft-28 Initial with draft-29's salt must fail.
    const wrong = { ...specOf('draft-28'), salt: specOf('draft-29').salt };
    const packet = sealInitial({
      spec: wrong,
      dcid: DCID,
      plaintext: cryptoFrame(0, cryptoClientHello('x.test', 300)),
    });
    const feed = feedQuic(newQuicSession(), packet);
    assert.equal(feed.status, 'unnamed');
    assert.ok(feed.status === 'unnamed' && feed.versionName === 'draft-28');
  });
});

test('version names: IETF, drafts, mvfst, Google, reserved and unknown versions', () => {
  assert.deepEqual(
    [
      0x00000001, 0x6b3343cf, 0xff00001d, 0xff000004, 0xfaceb002, 0xfaceb0ff, 0x51303433, 0x54303531, 0x0a1a2a3a, 0,
      0xdeadbeef,
    ].map(versionName),
    [
      'v1',
      'v2',
      'draft-29',
      'draft-04',
      'mvfst-draft-27',
      'mvfst-0xfaceb0ff',
      'Q043',
      'T051',
      'reserved-0x0a1a2a3a',
      'version-negotiation',
      '0xdeadbeef',
    ],
  );
});
