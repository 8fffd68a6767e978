// Builds data/common-passwords.txt: the bundled list of common passwords the policy rejects (NIST SP 800-63B 3.1.1.2).
// Deterministic: the same run always writes the same file. Run: `npx tsx scripts/generate-common-passwords.ts`.
//
// How it is made: (1) the passwords that top every public breach-frequency ranking (SecLists' 10k-most-common,
// NCSC's 100k Pwned Passwords top, NordPass yearly lists), written out from memory; (2) the patterns those lists are
// dominated by, expanded: common base words and names x capitalisation x the suffixes people append (digits, years,
// "!", "123!"); keyboard walks; digit runs; repeated characters; the shop's own context words. Everything is
// lower-cased (the policy compares case-insensitively), de-duplicated and sorted.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TOP = `123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball abc123 football
monkey letmein 696969 shadow master 666666 qwertyuiop 123321 mustang 1234567890 michael 654321 superman 1qaz2wsx 7777777
121212 000000 qazwsx 123qwe killer trustno1 jordan jennifer zxcvbnm asdfgh hunter buster soccer harley batman andrew
tigger sunshine iloveyou 2000 charlie robert thomas hockey ranger daniel starwars klaster 112233 george computer michelle
jessica pepper 1111 zxcvbn 555555 11111111 131313 freedom 777777 pass maggie 159753 aaaaaa ginger princess joshua cheese
amanda summer love ashley 6969 nicole chelsea biteme matthew access yankees 987654321 dallas austin thunder taylor matrix
minecraft william corvette hello martin heather secret fucker merlin diamond 1234qwer gfhjkm hammer silver 222222 88888888
anthony justin test bailey q1w2e3r4t5 patrick internet scooter orange 11111 golfer cookie richard samantha bigdog guitar
jackson whatever mickey chicken sparky snoopy maverick phoenix camaro peanut morgan welcome falcon cowboy ferrari samsung
andrea smokey steelers joseph mercedes dakota arsenal eagles melissa boomer booboo spider nascar monster tigers yellow
xxxxxx 123123123 gateway marina diablo bulldog qwer1234 compaq purple hardcore banana junior hannah 123654 porsche lakers
iceman money cowboys 987654 london tennis 999999 ncc1701 coffee scooby 0000 miller boston q1w2e3r4 fuckoff brandon yamaha
chester mother forever johnny edward 333333 oliver redsox player nikita knight fender barney midnight please brandy
chicago badboy iwantu slayer rangers charles angel flower bigdaddy rabbit wizard bigdick jasper enter rachel chris
steven winner adidas victoria natasha 1q2w3e4r jasmine winter prince panties marine ghbdtn fishing cocacola casper
james 232323 raiders 888888 marlboro gandalf asdfasdf crystal 87654321 12344321 sexsex golden blowme bigtits 8675309
panther lauren angela bitch spanky thx1138 angels madison winston shannon mike toyota blowjob jordan23 canada sophie
apples dick tiger razz 123abc pokemon qazxsw 55555 qwaszx muffin johnson murphy cooper jonathan liverpoo david danielle
159357 jackie 1990 123456a 789456 turtle horny abcd1234 scorpion qazwsxedc 101010 butter carlos password1 dennis slipknot
qwerty123 booger asdf 1991 black startrek 12341234 cameron newyork rainbow nathan john 1992 rocket viking redskins
butthead asdfghjkl 1212 sierra peaches gemini doctor wilson sandra helpme qwertyui victor florida dolphin pookie captain
tucker blue liverpool theman bandit dolphins maddog packers jaguar lovers nicholas united tiffany maxwell zzzzzz nirvana
jeremy suckit stupid porn monica elephant giants jackass hotdog rosebud success debbie mountain 444444 xxxxxxxx warrior
1q2w3e4r5t q1w2e3 123456q albert metallic lucky azerty 7777 shithead alex bond007 alexis 1111111 samson 5150 willie
scorpio bonnie gators benjamin voodoo driver dexter 2112 jason calvin freddy 212121 creative 12345a sydney rush2112
1989 asdfghjk red123 bubba 4815162342 passw0rd trouble gunner happy fucking gordon legend jessie stella qwert eminem
arthur apple nissan bullshit bear america 1qazxsw2 nothing parker 4444 rebecca qweqwe garfield 01012011 beavis 69696969
jack asdasd december 2222 102030 252525 11223344 magic apollo skippy 315475 girls kitten golf copper braves shelby godzilla
beaver fred tomcat august buddy airborne 1993 1988 lifehack qqqqqq brooklyn animal platinum phantom online xavier darkness
blink182 power fish green 789456123 voyager police travis 12qwaszx heaven snowball lover abcdef 00000 pakistan 007007
walter playboy blazer cricket sniper hooters donkey willow loveme saturn therock redwings bigboy pumpkin trinity
williams tits nintendo digital destiny topgun runner marvin guinness chance bubbles testing fire november minnie oscar
1994 rocky 1987 spiderman stanley dragons chocolate thunderbird admin administrator root toor changeme default guest
letmein1 welcome1 password123 iloveyou1 princess1 football1 monkey1 sunshine1 qwerty1 abc12345 passw0rd1 p@ssw0rd
p@ssword pa55word pa55w0rd zaq12wsx zaq1zaq1 1qaz2wsx3edc qwertyuiop123 1234567891 12345678910 0987654321 a1b2c3d4
aa123456 a123456 a12345678 qwe123 asd123 zxc123 qweasd qweasdzxc 1qaz@wsx !qaz2wsx qazwsx123 123qweasd 123qweasdzxc
password12 password1234 password! password1! passwordpassword iloveyouiloveyou letmeinletmein trustno1trustno1
correcthorsebatterystaple correct-horse-battery-staple thequickbrownfox thequickbrownfoxjumpsoverthelazydog
myspace1 facebook instagram twitter linkedin google youtube yahoo hotmail gmail outlook microsoft windows apple123
iphone android samsung123 superman123 batman123 naruto sasuke goku dragonball onepiece hellokitty unicorn butterfly
sunflower rainbow123 blessed blessing jesus jesus1 jesuschrist godisgood faith hope1234 lovely loveyou babygirl
baby123 mybaby angel123 princesa teamo tequiero contraseña contrasena passwort motdepasse parola haslo salasana
wachtwoord senha lozinka jelszo heslo geslo adgangskode passord losenord`;

const WORDS =
  `password passw0rd p@ssword p@ssw0rd pa55word letmein welcome iloveyou admin administrator qwerty qwertyuiop
asdfgh asdfghjkl zxcvbnm monkey dragon master shadow sunshine princess football baseball soccer hockey basketball
superman batman spiderman starwars pokemon minecraft fortnite michael jennifer jordan hunter charlie thomas robert daniel
jessica ashley amanda michelle nicole samantha matthew joshua andrew william jonathan christopher anthony david james
john joseph richard charles george steven edward brandon justin tyler kevin jason brian eric ryan chris mike alex
sarah emily hannah jessie lauren rachel rebecca stephanie elizabeth maria anna laura sophie olivia emma chloe grace
summer winter autumn spring freedom liberty secret cookie chocolate banana orange purple yellow silver golden diamond
computer internet google facebook youtube twitter instagram samsung iphone android windows microsoft apple
mustang ferrari porsche corvette mercedes toyota honda harley yamaha camaro chevy ford nissan bmw audi
tigers eagles lakers yankees cowboys steelers packers raiders dolphins chelsea arsenal liverpool barcelona madrid
killer hello trustno1 whatever nothing forever lovely beautiful sweetheart babygirl babyboy angel heaven blessed
jesus christ godisgood faith family friends happy lucky magic money power pepper ginger buster bailey maggie molly
tigger snoopy scooby mickey garfield kitty puppy doggy bulldog panther dolphin butterfly unicorn rainbow flower
london paris newyork chicago boston dallas texas california florida canada america england germany france
shop shopping store customer account login signin secure security changeme default guest test testing
qazwsx 1qaz2wsx zaq12wsx q1w2e3r4 abcdef abcdefg abcdefgh`.split(/\s+/);

const SUFFIXES = [
  '',
  '1',
  '12',
  '123',
  '1234',
  '12345',
  '123456',
  '1234567',
  '12345678',
  '123456789',
  '!',
  '1!',
  '12!',
  '123!',
  '1234!',
  '!!',
  '!!!',
  '01',
  '007',
  '69',
  '99',
  '00',
  '11',
  '13',
  '21',
  '22',
  '23',
  '77',
  '88',
  '#1',
  '@123',
  '.',
  '?',
  '111',
  '321',
  '4321',
  '54321',
  'abc',
  'xyz',
  'qwerty',
];

const lines = new Set<string>();
const add = (s: string) => lines.add(s.toLowerCase());

for (const p of TOP.split(/\s+/)) if (p) add(p);

for (const w of WORDS) {
  for (const s of SUFFIXES) {
    add(w + s);
    if (s.length <= 4) add(s + w);
  }
  for (const s of ['', '1', '123', '!']) add(w + w + s);
  for (let y = 1950; y <= 2030; y++) {
    add(`${w}${y}`);
    add(`${w}${y}!`);
    add(`${w}@${y}`);
    add(`${w}_${y}`);
  }
  add(`my${w}`);
  add(`my${w}123`);
  add(`i love ${w}`);
  add(`ilove${w}`);
  add(`${w}isthebest`);
}

// Digit runs and repeats: "123456789012", "111111111111", descending runs.
const digits = '12345678901234567890';
for (let len = 4; len <= 20; len++) {
  add(digits.slice(0, len));
  add('0987654321098765432109'.slice(0, len));
  for (const d of '0123456789') add(d.repeat(len));
}
for (const c of 'abcdefghijklmnopqrstuvwxyz') for (let len = 6; len <= 20; len++) add(c.repeat(len));

// Keyboard walks, whole and doubled.
const walks = [
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  '1qaz2wsx3edc4rfv',
  'qazwsxedcrfv',
  '1q2w3e4r5t6y7u8i9o0p',
  'q1w2e3r4t5y6',
  'zaq12wsxcde3',
  'qweasdzxc',
  'poiuytrewq',
  'lkjhgfdsa',
  'mnbvcxz',
  'azertyuiop',
  'qwertzuiop',
];
for (const w of walks)
  for (let len = 6; len <= w.length; len++) {
    add(w.slice(0, len));
    add(w.slice(0, len) + w.slice(0, len));
    for (const s of ['1', '123', '!', '1234']) add(w.slice(0, len) + s);
  }

// Dates people use: ddmmyyyy and mmddyyyy for every day of 1960..2010 would be too many; the first of each month.
for (let y = 1960; y <= 2010; y++)
  for (let m = 1; m <= 12; m++) {
    const mm = String(m).padStart(2, '0');
    add(`01${mm}${y}`);
    add(`${mm}01${y}`);
  }

const sorted = [...lines].filter((l) => l.length > 0 && !/\s$/.test(l)).sort();
// eslint-disable-next-line security/detect-non-literal-fs-filename -- the path is built from this module's own directory, never from a request
writeFileSync(join(__dirname, '..', 'data', 'common-passwords.txt'), sorted.join('\n') + '\n');
console.log(`wrote ${sorted.length} passwords`);
