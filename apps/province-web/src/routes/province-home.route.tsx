export { ProvinceHomePage as default } from '../features/home/province-home.page';
