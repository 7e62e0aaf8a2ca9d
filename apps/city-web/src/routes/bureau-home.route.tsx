export { BureauHomePage as default } from '../features/bureau/bureau-home.page';
