// The demo catalog's templates: its category tree, and for each leaf the nouns, brands, prices, options and specs
// the generator draws its products from.

export type Option = { name: string; values: string[] };

export interface LeafTemplate {
  handle: string;
  name: string;
  nouns: string[];
  brands: string[];
  /** Price range in whole dollars. */
  price: [number, number];
  weight: [number, number];
  options: Option[];
  specs: { name: string; values: string[] }[];
  tags: string[];
  blurb: string;
}

interface TopTemplate {
  handle: string;
  name: string;
  leaves: LeafTemplate[];
}

const SIZES_SHOE = ['7', '8', '9', '10', '11', '12'];
const COLORS = ['Black', 'White', 'Navy', 'Grey', 'Red', 'Olive', 'Blue'];
const SIZES_APPAREL = ['XS', 'S', 'M', 'L', 'XL'];

export const CATALOG: TopTemplate[] = [
  {
    handle: 'footwear',
    name: 'Footwear',
    leaves: [
      {
        handle: 'running-shoes',
        name: 'Running Shoes',
        nouns: ['Running Shoes', 'Trail Running Shoes', 'Road Running Shoes'],
        brands: ['Stride', 'Velora', 'Kinetic', 'Northpeak'],
        price: [69, 189],
        weight: [220, 340],
        options: [
          { name: 'Size', values: SIZES_SHOE },
          { name: 'Color', values: COLORS },
        ],
        specs: [
          { name: 'Drop', values: ['4 mm', '6 mm', '8 mm', '10 mm'] },
          { name: 'Surface', values: ['Road', 'Trail', 'Track'] },
          { name: 'Cushioning', values: ['Light', 'Moderate', 'Max'] },
        ],
        tags: ['running', 'shoes', 'sport'],
        blurb: 'A responsive running shoe with a breathable mesh upper and a grippy outsole for daily miles.',
      },
      {
        handle: 'hiking-boots',
        name: 'Hiking Boots',
        nouns: ['Hiking Boots', 'Trekking Boots', 'Mid Hikers'],
        brands: ['Northpeak', 'Ridgeline', 'Alpenrock'],
        price: [99, 249],
        weight: [450, 800],
        options: [
          { name: 'Size', values: SIZES_SHOE },
          { name: 'Color', values: ['Brown', 'Black', 'Olive'] },
        ],
        specs: [
          { name: 'Waterproof', values: ['Yes', 'No'] },
          { name: 'Upper', values: ['Leather', 'Synthetic', 'Suede'] },
        ],
        tags: ['hiking', 'boots', 'outdoor'],
        blurb: 'A supportive boot with a waterproof membrane and a lugged sole for rocky trails.',
      },
      {
        handle: 'sneakers',
        name: 'Sneakers',
        nouns: ['Sneakers', 'Court Sneakers', 'Canvas Sneakers'],
        brands: ['Urbano', 'Velora', 'Stride'],
        price: [49, 139],
        weight: [280, 420],
        options: [
          { name: 'Size', values: SIZES_SHOE },
          { name: 'Color', values: COLORS },
        ],
        specs: [
          { name: 'Upper', values: ['Canvas', 'Leather', 'Knit'] },
          { name: 'Closure', values: ['Laces', 'Slip-on'] },
        ],
        tags: ['sneakers', 'shoes', 'casual'],
        blurb: 'An everyday sneaker with a cushioned footbed and a clean, classic profile.',
      },
    ],
  },
  {
    handle: 'apparel',
    name: 'Apparel',
    leaves: [
      {
        handle: 't-shirts',
        name: 'T-Shirts',
        nouns: ['T-Shirt', 'Crew Tee', 'Performance Tee'],
        brands: ['Basecamp', 'Urbano', 'Kinetic'],
        price: [15, 45],
        weight: [150, 220],
        options: [
          { name: 'Size', values: SIZES_APPAREL },
          { name: 'Color', values: COLORS },
        ],
        specs: [
          { name: 'Material', values: ['Organic cotton', 'Cotton blend', 'Polyester'] },
          { name: 'Fit', values: ['Regular', 'Slim', 'Relaxed'] },
        ],
        tags: ['t-shirt', 'tee', 'top'],
        blurb: 'A soft tee that keeps its shape wash after wash.',
      },
      {
        handle: 'hoodies',
        name: 'Hoodies',
        nouns: ['Hoodie', 'Zip Hoodie', 'Fleece Hoodie'],
        brands: ['Basecamp', 'Urbano', 'Northpeak'],
        price: [39, 99],
        weight: [450, 700],
        options: [
          { name: 'Size', values: SIZES_APPAREL },
          { name: 'Color', values: ['Black', 'Grey', 'Navy', 'Olive'] },
        ],
        specs: [
          { name: 'Material', values: ['Cotton fleece', 'Recycled polyester'] },
          { name: 'Fit', values: ['Regular', 'Oversized'] },
        ],
        tags: ['hoodie', 'sweatshirt', 'layer'],
        blurb: 'A warm brushed-fleece hoodie with a roomy kangaroo pocket.',
      },
      {
        handle: 'jackets',
        name: 'Jackets',
        nouns: ['Rain Jacket', 'Down Jacket', 'Softshell Jacket'],
        brands: ['Northpeak', 'Ridgeline', 'Alpenrock'],
        price: [89, 349],
        weight: [300, 900],
        options: [
          { name: 'Size', values: SIZES_APPAREL },
          { name: 'Color', values: ['Black', 'Red', 'Blue', 'Olive'] },
        ],
        specs: [
          { name: 'Waterproof', values: ['Yes', 'No'] },
          { name: 'Insulation', values: ['None', 'Down', 'Synthetic'] },
        ],
        tags: ['jacket', 'outerwear', 'outdoor'],
        blurb: 'A weather-ready jacket that packs small and keeps the wind out.',
      },
    ],
  },
  {
    handle: 'electronics',
    name: 'Electronics',
    leaves: [
      {
        handle: 'headphones',
        name: 'Headphones',
        nouns: ['Wireless Headphones', 'Noise Cancelling Headphones', 'Earbuds'],
        brands: ['Sonara', 'Audiant', 'Voxel'],
        price: [29, 399],
        weight: [40, 320],
        options: [{ name: 'Color', values: ['Black', 'White', 'Silver', 'Blue'] }],
        specs: [
          { name: 'Battery life', values: ['20 hours', '30 hours', '40 hours'] },
          { name: 'Connectivity', values: ['Bluetooth 5.3', 'Bluetooth 5.0', 'Wired'] },
        ],
        tags: ['audio', 'headphones', 'wireless'],
        blurb: 'Rich, balanced sound with deep bass and an all-day comfortable fit.',
      },
      {
        handle: 'speakers',
        name: 'Speakers',
        nouns: ['Bluetooth Speaker', 'Smart Speaker', 'Bookshelf Speakers'],
        brands: ['Sonara', 'Audiant', 'Voxel'],
        price: [39, 499],
        weight: [300, 4000],
        options: [{ name: 'Color', values: ['Black', 'White', 'Red'] }],
        specs: [
          { name: 'Power', values: ['10 W', '20 W', '40 W', '100 W'] },
          { name: 'Water resistance', values: ['IPX4', 'IPX7', 'None'] },
        ],
        tags: ['audio', 'speaker', 'music'],
        blurb: 'Room-filling sound in a compact body, ready for the kitchen or the campsite.',
      },
      {
        handle: 'smartwatches',
        name: 'Smartwatches',
        nouns: ['Smartwatch', 'GPS Watch', 'Fitness Tracker'],
        brands: ['Voxel', 'Kinetic', 'Pulsewise'],
        price: [59, 449],
        weight: [25, 60],
        options: [
          { name: 'Color', values: ['Black', 'Silver', 'Rose'] },
          { name: 'Case size', values: ['41 mm', '45 mm'] },
        ],
        specs: [
          { name: 'GPS', values: ['Yes', 'No'] },
          { name: 'Battery life', values: ['2 days', '7 days', '14 days'] },
        ],
        tags: ['wearable', 'fitness', 'watch'],
        blurb: 'Tracks heart rate, sleep and workouts, with notifications on your wrist.',
      },
    ],
  },
  {
    handle: 'home-kitchen',
    name: 'Home & Kitchen',
    leaves: [
      {
        handle: 'cookware',
        name: 'Cookware',
        nouns: ['Frying Pan', 'Dutch Oven', 'Saucepan'],
        brands: ['Hearthline', 'Ferro', 'Copperleaf'],
        price: [29, 299],
        weight: [900, 5500],
        options: [{ name: 'Size', values: ['20 cm', '24 cm', '28 cm'] }],
        specs: [
          { name: 'Material', values: ['Cast iron', 'Stainless steel', 'Carbon steel', 'Ceramic nonstick'] },
          { name: 'Induction ready', values: ['Yes', 'No'] },
        ],
        tags: ['kitchen', 'cooking', 'cookware'],
        blurb: 'Even heating and a sturdy build for searing, braising and everyday cooking.',
      },
      {
        handle: 'coffee-tea',
        name: 'Coffee & Tea',
        nouns: ['Pour-Over Coffee Maker', 'Burr Grinder', 'Tea Kettle'],
        brands: ['Brewhaus', 'Hearthline', 'Kaffa'],
        price: [19, 249],
        weight: [300, 2500],
        options: [{ name: 'Color', values: ['Black', 'Steel', 'White'] }],
        specs: [
          { name: 'Capacity', values: ['0.6 L', '1 L', '1.7 L'] },
          { name: 'Material', values: ['Glass', 'Stainless steel', 'Ceramic'] },
        ],
        tags: ['coffee', 'tea', 'kitchen'],
        blurb: 'Brew a better cup at home with precise control and a timeless design.',
      },
      {
        handle: 'knives',
        name: 'Knives',
        nouns: ["Chef's Knife", 'Santoku Knife', 'Paring Knife'],
        brands: ['Ferro', 'Kiru', 'Hearthline'],
        price: [25, 220],
        weight: [80, 260],
        options: [{ name: 'Blade length', values: ['15 cm', '20 cm', '23 cm'] }],
        specs: [
          { name: 'Steel', values: ['VG-10', 'German X50CrMoV15', 'Damascus'] },
          { name: 'Handle', values: ['Wood', 'Resin', 'Steel'] },
        ],
        tags: ['kitchen', 'knife', 'cutlery'],
        blurb: 'A razor-sharp, well-balanced blade that makes prep work a pleasure.',
      },
    ],
  },
  {
    handle: 'outdoor',
    name: 'Outdoor',
    leaves: [
      {
        handle: 'tents',
        name: 'Tents',
        nouns: ['Backpacking Tent', 'Family Tent', 'Ultralight Tent'],
        brands: ['Ridgeline', 'Alpenrock', 'Basecamp'],
        price: [129, 599],
        weight: [900, 6500],
        options: [{ name: 'Capacity', values: ['1 person', '2 person', '4 person'] }],
        specs: [
          { name: 'Season', values: ['3-season', '4-season'] },
          { name: 'Freestanding', values: ['Yes', 'No'] },
        ],
        tags: ['camping', 'tent', 'outdoor'],
        blurb: 'Quick to pitch and stable in the wind, with room to stash your gear.',
      },
      {
        handle: 'backpacks',
        name: 'Backpacks',
        nouns: ['Daypack', 'Hiking Backpack', 'Travel Backpack'],
        brands: ['Northpeak', 'Ridgeline', 'Urbano'],
        price: [49, 279],
        weight: [500, 2200],
        options: [
          { name: 'Color', values: ['Black', 'Blue', 'Orange', 'Olive'] },
          { name: 'Volume', values: ['20 L', '35 L', '50 L'] },
        ],
        specs: [
          { name: 'Hydration compatible', values: ['Yes', 'No'] },
          { name: 'Material', values: ['Ripstop nylon', 'Recycled polyester'] },
        ],
        tags: ['backpack', 'bag', 'hiking'],
        blurb: 'A comfortable pack with a ventilated back panel and smart pockets.',
      },
      {
        handle: 'sleeping-bags',
        name: 'Sleeping Bags',
        nouns: ['Sleeping Bag', 'Down Sleeping Bag', 'Camping Quilt'],
        brands: ['Alpenrock', 'Basecamp', 'Northpeak'],
        price: [69, 399],
        weight: [600, 2000],
        options: [{ name: 'Length', values: ['Regular', 'Long'] }],
        specs: [
          { name: 'Comfort rating', values: ['-5 °C', '0 °C', '5 °C'] },
          { name: 'Fill', values: ['Down', 'Synthetic'] },
        ],
        tags: ['camping', 'sleeping bag', 'outdoor'],
        blurb: 'Warm, compressible and cosy on cold nights under the stars.',
      },
    ],
  },
  {
    handle: 'sports-fitness',
    name: 'Sports & Fitness',
    leaves: [
      {
        handle: 'yoga',
        name: 'Yoga',
        nouns: ['Yoga Mat', 'Yoga Block', 'Yoga Strap'],
        brands: ['Lotusa', 'Kinetic', 'Pulsewise'],
        price: [12, 119],
        weight: [100, 2500],
        options: [{ name: 'Color', values: ['Purple', 'Black', 'Teal', 'Sand'] }],
        specs: [
          { name: 'Thickness', values: ['3 mm', '5 mm', '6 mm'] },
          { name: 'Material', values: ['Natural rubber', 'TPE', 'Cork'] },
        ],
        tags: ['yoga', 'fitness', 'mat'],
        blurb: 'Non-slip grip and joint-friendly cushioning for every flow.',
      },
      {
        handle: 'weights',
        name: 'Weights',
        nouns: ['Dumbbell Set', 'Kettlebell', 'Adjustable Dumbbells'],
        brands: ['Ironclad', 'Kinetic', 'Forge Fitness'],
        price: [25, 399],
        weight: [2000, 20000],
        options: [{ name: 'Weight', values: ['4 kg', '8 kg', '12 kg', '16 kg'] }],
        specs: [{ name: 'Material', values: ['Cast iron', 'Rubber coated', 'Steel'] }],
        tags: ['strength', 'weights', 'fitness'],
        blurb: 'Durable, well-balanced weights for strength training at home.',
      },
      {
        handle: 'cycling',
        name: 'Cycling',
        nouns: ['Bike Helmet', 'Cycling Gloves', 'Bike Light Set'],
        brands: ['Velora', 'Spokewise', 'Kinetic'],
        price: [19, 249],
        weight: [80, 450],
        options: [
          { name: 'Size', values: ['S', 'M', 'L'] },
          { name: 'Color', values: ['Black', 'White', 'Yellow'] },
        ],
        specs: [{ name: 'Use', values: ['Road', 'Mountain', 'Commute'] }],
        tags: ['cycling', 'bike', 'sport'],
        blurb: 'Ride safer and more comfortably on the road or the trail.',
      },
    ],
  },
  {
    handle: 'beauty',
    name: 'Beauty',
    leaves: [
      {
        handle: 'skincare',
        name: 'Skincare',
        nouns: ['Face Moisturizer', 'Vitamin C Serum', 'Gentle Cleanser'],
        brands: ['Lumiere', 'Dermaly', 'Botanica'],
        price: [12, 89],
        weight: [50, 250],
        options: [{ name: 'Size', values: ['30 ml', '50 ml', '100 ml'] }],
        specs: [
          { name: 'Skin type', values: ['All', 'Dry', 'Oily', 'Sensitive'] },
          { name: 'Fragrance free', values: ['Yes', 'No'] },
        ],
        tags: ['skincare', 'beauty', 'face'],
        blurb: 'A lightweight formula that hydrates and brightens without clogging pores.',
      },
      {
        handle: 'fragrance',
        name: 'Fragrance',
        nouns: ['Eau de Parfum', 'Eau de Toilette', 'Body Mist'],
        brands: ['Lumiere', 'Maison Vell', 'Botanica'],
        price: [25, 180],
        weight: [120, 400],
        options: [{ name: 'Size', values: ['30 ml', '50 ml', '100 ml'] }],
        specs: [{ name: 'Scent family', values: ['Citrus', 'Woody', 'Floral', 'Fresh'] }],
        tags: ['fragrance', 'perfume', 'beauty'],
        blurb: 'A layered scent that opens bright and settles into a warm base.',
      },
    ],
  },
  {
    handle: 'books',
    name: 'Books',
    leaves: [
      {
        handle: 'fiction',
        name: 'Fiction',
        nouns: ['Novel', 'Short Stories', 'Thriller'],
        brands: ['Harbor Press', 'Quill House', 'Lantern Books'],
        price: [9, 35],
        weight: [200, 800],
        options: [{ name: 'Format', values: ['Paperback', 'Hardcover'] }],
        specs: [
          { name: 'Pages', values: ['240', '320', '416', '512'] },
          { name: 'Language', values: ['English'] },
        ],
        tags: ['book', 'fiction', 'reading'],
        blurb: 'A gripping read with characters that stay with you long after the last page.',
      },
      {
        handle: 'cookbooks',
        name: 'Cookbooks',
        nouns: ['Cookbook', 'Baking Book', 'Vegetarian Cookbook'],
        brands: ['Harbor Press', 'Quill House', 'Lantern Books'],
        price: [15, 49],
        weight: [500, 1400],
        options: [{ name: 'Format', values: ['Paperback', 'Hardcover'] }],
        specs: [
          { name: 'Recipes', values: ['80', '100', '150'] },
          { name: 'Language', values: ['English'] },
        ],
        tags: ['book', 'cooking', 'recipes'],
        blurb: 'Reliable, tested recipes for weeknights and weekends alike.',
      },
    ],
  },
  {
    handle: 'toys-games',
    name: 'Toys & Games',
    leaves: [
      {
        handle: 'board-games',
        name: 'Board Games',
        nouns: ['Strategy Game', 'Party Game', 'Cooperative Game'],
        brands: ['Meeple Co', 'Dicewright', 'Playforge'],
        price: [19, 79],
        weight: [500, 2500],
        options: [{ name: 'Edition', values: ['Standard', 'Deluxe'] }],
        specs: [
          { name: 'Players', values: ['2-4', '2-6', '3-8'] },
          { name: 'Play time', values: ['30 min', '60 min', '90 min'] },
        ],
        tags: ['game', 'board game', 'family'],
        blurb: 'Easy to learn and hard to put down: a new favourite for game night.',
      },
      {
        handle: 'puzzles',
        name: 'Puzzles',
        nouns: ['Jigsaw Puzzle', '3D Puzzle', 'Puzzle Box'],
        brands: ['Playforge', 'Dicewright', 'Tessellate'],
        price: [12, 59],
        weight: [300, 1200],
        options: [{ name: 'Pieces', values: ['500', '1000', '2000'] }],
        specs: [{ name: 'Age', values: ['8+', '12+', 'Adult'] }],
        tags: ['puzzle', 'game', 'family'],
        blurb: 'Beautiful artwork and precisely cut pieces for hours of calm focus.',
      },
    ],
  },
  {
    handle: 'office',
    name: 'Office',
    leaves: [
      {
        handle: 'notebooks',
        name: 'Notebooks',
        nouns: ['Dotted Notebook', 'Lined Journal', 'Sketchbook'],
        brands: ['Paperlane', 'Quill House', 'Inkwell'],
        price: [8, 39],
        weight: [150, 600],
        options: [
          { name: 'Size', values: ['A5', 'A4'] },
          { name: 'Color', values: ['Black', 'Sage', 'Terracotta'] },
        ],
        specs: [
          { name: 'Paper weight', values: ['80 gsm', '100 gsm', '120 gsm'] },
          { name: 'Pages', values: ['160', '192', '240'] },
        ],
        tags: ['stationery', 'notebook', 'office'],
        blurb: 'Smooth, fountain-pen friendly paper in a lay-flat binding.',
      },
      {
        handle: 'pens',
        name: 'Pens',
        nouns: ['Fountain Pen', 'Gel Pen Set', 'Rollerball Pen'],
        brands: ['Inkwell', 'Paperlane', 'Scribe & Co'],
        price: [5, 149],
        weight: [15, 60],
        options: [{ name: 'Ink color', values: ['Black', 'Blue', 'Green'] }],
        specs: [{ name: 'Nib', values: ['Fine', 'Medium', 'Broad'] }],
        tags: ['stationery', 'pen', 'writing'],
        blurb: 'A smooth, skip-free writer that feels balanced in the hand.',
      },
    ],
  },
];

export const MODEL_NAMES = [
  'Aero',
  'Summit',
  'Pulse',
  'Nova',
  'Terra',
  'Apex',
  'Drift',
  'Echo',
  'Flux',
  'Glide',
  'Horizon',
  'Ion',
  'Juniper',
  'Keystone',
  'Lumen',
  'Meridian',
  'Nimbus',
  'Orbit',
  'Pioneer',
  'Quest',
  'Ridge',
  'Sierra',
  'Tempo',
  'Vista',
];
